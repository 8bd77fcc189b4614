import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the window is hardened', () => {
  it('the window isolates, sandboxes and denies Node to the renderer', () => {
    // main.ts imports electron (not loadable here), so its literal options are read as text;
    // e2e/electron.e2e.test.ts checks the same at run time where an Electron binary exists.
    const src = fs.readFileSync('main/electron/main.ts', 'utf8');
    const prefs = /webPreferences: \{([^}]*)\}/.exec(src)?.[1] ?? '';
    for (const line of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'nodeIntegrationInSubFrames: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'webviewTag: false',
      "disableBlinkFeatures: 'Auxclick'",
    ]) {
      expect(prefs).toContain(line);
    }
  });

  it('the shell blocks navigation, window.open, webviews and checks the IPC sender frame', () => {
    const src = fs.readFileSync('main/electron/main.ts', 'utf8');
    expect(src).toMatch(/will-navigate[\s\S]*preventDefault/);
    expect(src).toMatch(/setWindowOpenHandler[\s\S]*action: 'deny'/);
    expect(src).toMatch(/will-attach-webview[\s\S]*preventDefault/);
    expect(src).toMatch(/senderFrame/);
    expect(src).toMatch(/requestSingleInstanceLock/);
  });

  it('the silent-print window shows only a PDF: sandboxed, isolated, no preload, no Node; it is reached only through the handler table', () => {
    const src = fs.readFileSync('main/electron/silentPrint.ts', 'utf8');
    const prefs = /webPreferences: \{([^}]*)\}/.exec(src)?.[1] ?? '';
    for (const line of ['plugins: true', 'sandbox: true', 'contextIsolation: true', 'nodeIntegration: false', 'webSecurity: true']) expect(prefs).toContain(line);
    expect(prefs).not.toContain('preload');
    expect(src).toMatch(/print\(\{ silent: true/);
    expect(src).toMatch(/finally \{\s*win\.destroy\(\)/);
    const main = fs.readFileSync('main/electron/main.ts', 'utf8');
    // The printer is handed to MasaApp: print.toPrinter (session, access, the PDF check in
    // printDelivery.pdfDataUrl) decides, through the one channel's sender-frame check.
    expect(main).toMatch(/new MasaApp\(\{ dataDir, printer: printPdfSilently \}\)/);
    const invoke = /ipcMain\.handle\('masa:invoke'[\s\S]*?\n\}\);/.exec(main)?.[0] ?? '';
    expect(invoke).toMatch(/senderFrame[\s\S]*frame\.url !== rendererUrl/);
    expect(invoke).toMatch(/dispatch\(masa, /);
    // The main window enables plugins for the preview's PDF viewer and nothing else changes.
    expect(/webPreferences: \{([^}]*)\}/.exec(main)?.[1]).toContain('plugins: true');
  });

  it('one channel into main: preload and main/electron name exactly one IPC channel for calls, one for main’s notifications', () => {
    // Every IPC channel named in the Electron glue: what main answers (ipcMain.handle/on/once),
    // what preload calls (ipcRenderer.invoke/send/sendSync) and the notifications main sends.
    const files = [...fs.readdirSync('preload').map((f) => `preload/${f}`), ...fs.readdirSync('main/electron').map((f) => `main/electron/${f}`)].filter(
      (f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f),
    );
    const src = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    // Channel names as string literals or as the constants preload keeps them in.
    const constants = new Map([...src.matchAll(/const (\w+) = '([^']+)';/g)].map((m) => [m[1]!, m[2]!]));
    const channels = (re: RegExp) => new Set([...src.matchAll(re)].map((m) => (m[1]!.startsWith("'") ? m[1]!.slice(1, -1) : (constants.get(m[1]!) ?? `?${m[1]}`))));
    const answered = channels(/ipcMain\.(?:handle|handleOnce|on|once)\(\s*('[^']*'|\w+)/g);
    const called = channels(/ipcRenderer\.(?:invoke|send|sendSync|postMessage)\(\s*('[^']*'|\w+)/g);
    const notified = new Set([...channels(/webContents\.send\(\s*('[^']*'|\w+)/g), ...channels(/ipcRenderer\.(?:on|once|addListener)\(\s*('[^']*'|\w+)/g)]);
    expect([...answered]).toEqual(['masa:invoke']);
    expect([...called]).toEqual(['masa:invoke']);
    expect([...notified]).toEqual(['masa:event']);
    // Nothing else of ipcRenderer reaches the page: preload exposes one object with invoke, on and pathForFile.
    const preload = fs.readFileSync('preload/index.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/printPdf|masa:print/);
  });

  it('the renderer page carries a strict CSP without inline or eval scripts', () => {
    const html = fs.readFileSync('renderer/index.html', 'utf8');
    const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
    expect(html).toContain('<html lang="tr">');
  });

  it('only main/electron and preload import electron', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && /from 'electron'/.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    for (const d of ['main', 'database', 'renderer/src']) walk(d);
    expect(offenders.filter((p) => !p.startsWith('main/electron/'))).toEqual([]);
  });
});
