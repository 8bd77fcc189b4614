/**
 * Child process of hostileFiles.ts importInChild: sets up an office in a temp folder, signs the
 * head in, reads the ledger's chain head, runs import.analyze on the file given, reads the
 * head again, and prints the result with this process's peak RSS as JSON. The temp folder is
 * removed in finally.
 *
 *   node --import tsx main/import/testing/hostileImportChild.ts FILE
 */
import fs from 'node:fs';
import { setUpApp } from '../../testing/appFixture';

const file = process.argv[2];
if (!file) throw new Error('usage: hostileImportChild.ts FILE');
const t = await setUpApp();
try {
  const headBefore = (await t.ok('ledger.status', {})).chainHead;
  const r = await t.call('import.analyze', { path: file });
  const headAfter = (await t.ok('ledger.status', {})).chainHead;
  const result = r.ok ? { ok: true, totalRows: r.value.report.totalRows } : { ok: false, error: r.error };
  // maxRSS is in kilobytes: the kernel's VmHWM of this process.
  process.stdout.write(JSON.stringify({ result, headBefore, headAfter, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} finally {
  t.app.shutdown();
  fs.rmSync(t.app.dataDir, { recursive: true, force: true });
}
