/**
 * The Electron shell, kept tiny: one hardened window, one IPC channel into the handler table,
 * navigation and new windows blocked, the sender frame checked. Everything else is plain Node
 * code tested without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../app/appError';
import { formatMessage } from '../../preload/contract/errors';
import { setLogSink } from '../app/log';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { buildMenu } from './menu';
import { printPdfSilently } from './silentPrint';
import { SHELL } from '../texts/shell';

const rendererIndex = path.join(__dirname, '..', '..', 'renderer', 'dist', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;

// Native date inputs and number formats follow the UI locale: dd.MM.yyyy as on the forms.
app.commandLine.appendSwitch('lang', 'tr-TR');

if (!app.requestSingleInstanceLock()) {
  dialog.showErrorBox('Masa', `${SHELL.alreadyRunning.tr}\n${SHELL.alreadyRunning.en}`);
  app.exit(1);
}

const dataDir = process.env.MASA_DATA_DIR ? path.resolve(process.env.MASA_DATA_DIR) : app.getPath('userData');
fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const logStream = fs.createWriteStream(path.join(dataDir, 'masa.log'), { flags: 'a', mode: 0o600 });
setLogSink((line) => logStream.write(`${line}\n`));
// The preview's "Yazdır" (print.toPrinter, through the one channel) prints here, in main.
const masa = new MasaApp({ dataDir, printer: printPdfSilently });
try {
  masa.claimDataDir();
} catch (err) {
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  dialog.showErrorBox('Masa', `${formatMessage(code, 'tr', { path: dataDir })}\n\n${formatMessage(code, 'en', { path: dataDir })}`);
  app.exit(1);
}
let win: BrowserWindow | null = null;

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Masa',
    show: false,
    // Literal here (not built elsewhere) so that electronegativity can read it.
    webPreferences: {
      preload: path.join(__dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      // Chromium's PDF viewer, for the print preview's <iframe> of a PDF made in main.
      plugins: true,
    },
  });
  win.once('ready-to-show', () => win?.show());
  // Window titles never carry personal data: the title stays "Masa".
  win.on('page-title-updated', (e) => e.preventDefault());
  void win.loadURL(rendererUrl);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e, url) => {
    if (url !== rendererUrl) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only the SGK web site may open, and in the system browser, never in the app.
    if (/^https:\/\/(www\.)?sgk\.gov\.tr\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

ipcMain.handle('masa:invoke', async (event, name: unknown, input: unknown) => {
  // Only our own page in the main frame may call main.
  const frame = event.senderFrame;
  if (!frame || frame.url !== rendererUrl || frame !== event.sender.mainFrame) {
    return { ok: false, error: { code: 'FORBIDDEN', message: SHELL.unauthorisedCall.tr, messageEn: SHELL.unauthorisedCall.en } };
  }
  return dispatch(masa, typeof name === 'string' ? name : '', input);
});

masa.events.subscribe((name, payload) => win?.webContents.send('masa:event', name, payload));

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  Menu.setApplicationMenu(buildMenu());
  createWindow();
});

app.on('window-all-closed', () => {
  masa.shutdown();
  app.quit();
});
