/**
 * `npm start`: builds and opens the Electron app on the ledger in the user-data folder. Where
 * no Electron binary can run, says so in one line and points to the browser way in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electronBinary';
import { SHELL } from '../main/texts/shell';

const found = findElectronBinary();
if ('reason' in found) {
  console.error(
    `${SHELL.launcher.noElectron.tr(found.reason)}/ ${SHELL.launcher.noElectron.en()}`,
  );
  process.exit(1);
}
for (const step of ['build:renderer', 'build:electron']) {
  const r = spawnSync('npm', ['run', '-s', step], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(found.path, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
