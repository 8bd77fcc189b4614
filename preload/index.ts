/**
 * Preload (sandboxed): exposes exactly the typed API — invoke(name, input) over the one channel
 * into main's handler table, and on(event) for main's notifications — and nothing of ipcRenderer
 * itself. Main validates every call; this file only forwards.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { MasaBridge } from './contract/api';

const INVOKE = 'masa:invoke';
const EVENT = 'masa:event';

const bridge: MasaBridge = {
  transport: 'electron',
  invoke: (name, input) => ipcRenderer.invoke(INVOKE, name, input),
  // A file the user picked or dropped: its path on disk, which main reads (import.analyze), so
  // the bytes never cross IPC. Electron gives '' for a File not on disk: then null, and bytes.
  pathForFile: (file) => webUtils.getPathForFile(file) || null,
  on(event, listener) {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT, wrapped);
    return () => ipcRenderer.removeListener(EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('masa', bridge);
