/**
 * Preload (sandboxed): exposes exactly the typed API — invoke(name, input) and on(event) — and
 * nothing of ipcRenderer itself. Main validates every call; this file only forwards.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { MasaBridge } from './contract/api';

const INVOKE = 'masa:invoke';
const EVENT = 'masa:event';
const PRINT = 'masa:print';

const bridge: MasaBridge = {
  transport: 'electron',
  invoke: (name, input) => ipcRenderer.invoke(INVOKE, name, input),
  // A file the user picked or dropped: its path on disk (main reads it; nothing is copied).
  pathForFile: (file) => webUtils.getPathForFile(file),
  // A PDF made in main, back to main for silent printing (main decides; see masa:print).
  printPdf: (pdfBase64) => ipcRenderer.invoke(PRINT, pdfBase64),
  on(event, listener) {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT, wrapped);
    return () => ipcRenderer.removeListener(EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('masa', bridge);
