/**
 * `npm run audit:electron`: runs @doyensec/electronegativity over the Electron shell (main
 * process shell, preload, the page with its CSP) and fails on any finding that
 * docs/electronegativity.md does not list with a written reason.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ELECTRON_VERSION = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version as string;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-eneg-'));
fs.cpSync('main/electron', path.join(work, 'electron'), { recursive: true });
fs.cpSync('preload', path.join(work, 'preload'), { recursive: true });
fs.copyFileSync('renderer/index.html', path.join(work, 'index.html'));
const out = path.join(work, 'findings.csv');
const bin = path.resolve('node_modules/.bin/electronegativity');
const r = spawnSync(bin, ['-i', work, '-o', out, '-e', ELECTRON_VERSION], { encoding: 'utf8' });
if (!fs.existsSync(out)) {
  console.error(`electronegativity did not run (exit ${r.status}):\n${r.stderr}`);
  process.exit(1);
}
const rows = fs
  .readFileSync(out, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [issue, severity, , filename, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return { issue: issue!, severity: severity!, file: path.relative(work, filename!), location: location! };
  });
const accepted = new Set(
  [...fs.readFileSync('docs/electronegativity.md', 'utf8').matchAll(/^\| `([A-Z_]+)` \| `([^`]+)` \|/gm)].map((m) => `${m[1]} ${m[2]}`),
);
const open = rows.filter((f) => !accepted.has(`${f.issue} ${f.file}`));
console.log(`electronegativity ${ELECTRON_VERSION}: ${rows.length} finding(s), ${rows.length - open.length} with a written reason in docs/electronegativity.md`);
for (const f of open) console.error(`  NOT ACCEPTED: ${f.issue} (${f.severity}) ${f.file}:${f.location}`);
fs.rmSync(work, { recursive: true, force: true });
process.exit(open.length ? 1 : 0);
