import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the Electron binary without importing `electron` (whose index tries to download at run
 * time from v42 on). Honours ELECTRON_OVERRIDE_DIST_PATH. Returns the path or the reason it is
 * not there.
 */
export function findElectronBinary(root = process.cwd()): { path: string } | { reason: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(pkg)) return { reason: 'the electron package is not installed (npm install)' };
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathTxt = path.join(pkg, 'path.txt');
  const rel = fs.existsSync(pathTxt) ? fs.readFileSync(pathTxt, 'utf8').trim() : null;
  if (override) {
    const name = rel ?? (process.platform === 'win32' ? 'electron.exe' : 'electron');
    const p = path.join(override, name);
    return fs.existsSync(p) ? { path: p } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${name}` };
  }
  if (!rel) return { reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  const p = path.join(pkg, 'dist', rel);
  return fs.existsSync(p) ? { path: p } : { reason: `the Electron binary is missing (${path.relative(root, p)})` };
}
