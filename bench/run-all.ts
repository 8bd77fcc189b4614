/**
 * `npm run bench`: every workload script in bench/ one after the other, each in its own
 * process (so one's memory and caches do not colour the next), printing its figures as it
 * goes and, at the end, which scripts failed. Arguments after `--` go to every script.
 *
 *   npm run bench            # all
 *   npm run bench -- ledger  # only bench/ledger.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const scripts = fs
  // Every script here is a workload, but for the runner itself and the helpers the workloads import.
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run-all.ts', 'stats.ts', 'readAll.ts'].includes(f) && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();
if (scripts.length === 0) {
  console.error(`No bench named ${only.join(', ')}. Available: ${fs.readdirSync(here).filter((f) => f.endsWith('.ts')).join(', ')}`);
  process.exit(2);
}
const failed: string[] = [];
for (const name of scripts) {
  console.log(`\n=== bench/${name}.ts ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`)], { stdio: 'inherit', env: process.env });
  console.log(`=== bench/${name}.ts: ${r.status === 0 ? 'done' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (r.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
