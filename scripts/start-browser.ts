/**
 * `npm run start:browser`: the same main-process handlers and the same renderer, served to a
 * browser through the loopback bridge (127.0.0.1, a random per-run token). For machines
 * without an Electron binary, and for development.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from '../main/app/dataDir';
import { MasaApp } from '../main/app/masaApp';
import { startBridge } from '../main/bridge/server';
import { SHELL } from '../main/texts/shell';

const L = SHELL.launcher;

const dataDir = defaultDataDir();
const app = new MasaApp({ dataDir });
try {
  app.claimDataDir();
} catch (err) {
  const said = (err as { code?: string }).code === 'FOLDER_IN_USE' ? L.folderInUse : L.folderUnusable;
  console.error(`${said.tr(dataDir)} / ${said.en()}`);
  process.exit(1);
}
const bridge = await startBridge(app, { rendererDir: path.resolve('renderer/dist'), port: Number(process.env.MASA_PORT ?? 0) });

console.log(`${L.ready.tr} / ${L.ready.en}: ${bridge.url}`);
console.log(`${L.dataFolder.tr} / ${L.dataFolder.en}: ${dataDir}`);
console.log(`${L.stop.tr} / ${L.stop.en}`);

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.MASA_NO_BROWSER !== '1') {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-browser-'));
  spawn(chromium, [`--app=${bridge.url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking'], {
    stdio: 'ignore',
    detached: true,
  }).unref();
} else {
  console.log(`${L.openAddress.tr} / ${L.openAddress.en}`);
}

const stop = async () => {
  app.shutdown();
  await bridge.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
