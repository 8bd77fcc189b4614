import os from 'node:os';
import path from 'node:path';

/**
 * The data folder: MASA_DATA_DIR if set (tests, benches, a second office on one machine),
 * otherwise the same user-data folder Electron uses for an app named "Masa", so that the CLI
 * and the window work on the same ledger.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MASA_DATA_DIR) return path.resolve(env.MASA_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Masa');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Masa');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Masa');
}
