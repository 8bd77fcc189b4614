/**
 * `npm start`: builds and opens the Electron app on the ledger in the user-data folder. Where
 * no Electron binary can run, says so in one line and points to the browser way in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electronBinary';

const found = findElectronBinary();
if ('reason' in found) {
  console.error(
    `Electron bu makinede çalıştırılamıyor (${found.reason}); aynı uygulamayı tarayıcıda açmak için: npm run start:browser  ` +
      `/ Electron cannot run here; use: npm run start:browser`,
  );
  process.exit(1);
}
for (const step of ['build:renderer', 'build:electron']) {
  const r = spawnSync('npm', ['run', '-s', step], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(found.path, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
