/**
 * `npm test`: every test, in the order that fails fastest and says why.
 *   1. TypeScript strict over everything (main, database, preload, renderer, e2e, bench, scripts)
 *   2. unit and integration tests (real encrypted SQLite, real files, real crypto)
 *   3. the renderer bundle
 *   4. electronegativity over the Electron shell, the renderer source and the built renderer:
 *      every finding needs a reason in docs/ (after the bundle, so the built page is scanned)
 *   5. the Chromium tests through the loopback bridge, and the Electron shell test (runs where
 *      an Electron binary exists; prints why it is skipped)
 */
import { spawnSync } from 'node:child_process';

const steps: { name: string; cmd: string; args: string[] }[] = [
  { name: 'typecheck (tsc --noEmit, strict)', cmd: 'npx', args: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'unit + integration (vitest)', cmd: 'npx', args: ['vitest', 'run', '--config', 'vitest.config.ts'] },
  { name: 'renderer bundle (vite build)', cmd: 'npx', args: ['vite', 'build', '--config', 'renderer/vite.config.ts'] },
  { name: 'electron hardening audit (electronegativity)', cmd: 'npx', args: ['tsx', 'scripts/audit-electron.ts'] },
  { name: 'end-to-end in Chromium (vitest + playwright-core)', cmd: 'npx', args: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'] },
];

const only = process.argv[2];
const started = Date.now();
for (const step of steps) {
  if (only && !step.name.startsWith(only)) continue;
  const t0 = Date.now();
  console.log(`\n=== ${step.name} ===`);
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ FAILED: ${step.name} (exit ${r.status ?? r.signal}, ${secs} s). The output above says why.`);
    process.exit(1);
  }
  console.log(`✓ ${step.name} (${secs} s)`);
}
console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
