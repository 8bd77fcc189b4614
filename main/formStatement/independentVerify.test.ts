import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registrations as registrationsQ } from '../../database';
import { PYTHON } from '../import/testing/openpyxl';
import { decodeBarcodes, missingPdfTools, renderPng, tempFolder, writePdf } from '../print/testing/pdfTools';
import { deskWithDecisions } from './testing';

/**
 * The statement verified without the project's code: Debian's python3-cbor2 and
 * python3-cryptography running the example of docs/verify-form.md, on the text zbarimg reads
 * off the printed form. The example is taken from the document, so the document cannot drift.
 */
const pythonMissing = (() => {
  const r = spawnSync(PYTHON, ['-c', 'import cbor2, cryptography'], { encoding: 'utf8' });
  return r.status === 0 ? null : `python3-cbor2 / python3-cryptography are not available at ${PYTHON} (apt-get install python3-cbor2 python3-cryptography)`;
})();
const toolsMissing = missingPdfTools();
const skip = pythonMissing ?? (toolsMissing.length ? `missing ${toolsMissing.join(', ')}` : null);
if (skip) console.warn(`independent form verification skipped: ${skip}`);

const tmp = tempFolder('python-verify');
afterAll(() => tmp.cleanup());

function docsExample(): string {
  const md = fs.readFileSync('docs/verify-form.md', 'utf8');
  const block = /```python\n([\s\S]*?)```/.exec(md);
  if (!block) throw new Error('docs/verify-form.md has no python example');
  const file = path.join(tmp.dir, 'verify_form.py');
  fs.writeFileSync(file, block[1]!);
  return file;
}

function python(script: string, ...args: string[]) {
  return spawnSync(PYTHON, [script, ...args], { encoding: 'utf8' });
}

describe('verify-form without Masa: cbor2 + cryptography', () => {
  it.skipIf(skip !== null)('verifies the QR of each printed decision document, decodes the statement and matches the mother by her T.C. Kimlik No', async () => {
    const t = await deskWithDecisions();
    const script = docsExample();
    const pem = path.join(tmp.dir, 'M01.pem');
    fs.writeFileSync(pem, (await t.ok('reconciliation.deskKey', {})).pem);
    const db = t.app.requireStore().db;
    for (const [no, outcome] of [[t.final, 'KESIN_KAYIT'], [t.rejected, 'RET'], [t.incomplete, 'EKSIK_EVRAK']] as const) {
      const doc = await t.ok('print.registration', { registrationNo: no });
      const [png] = renderPng(writePdf(tmp.dir, no, Buffer.from(doc.pdfBase64, 'base64')), 150, tmp.dir);
      const text = decodeBarcodes(png!).find((s) => s.startsWith('MASA1:'))!;
      const reg = registrationsQ.byNo(db, no)!;
      const r = python(script, pem, text, reg.mother_tckn);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const py = JSON.parse(r.stdout) as Record<string, unknown>;
      const ours = (await t.ok('form.verify', { text })).statement!;
      expect(py).toMatchObject({ v: 1, p: '35', d: 'M01', o: outcome, g: 'BAKICI-2020', e: ours.packEdition, q: ours.eventSeq, x: ours.eventHash, h: ours.packHash, m: ours.motherHash, f: ours.decidedOn, mother_matches: true });
      expect(py.n).toBe(ours.number);
      if (outcome === 'KESIN_KAYIT') expect(py).toMatchObject({ a: 325_00, c: 'EUR', t: ours.supportType, s: ours.supportFrom });
      if (outcome === 'RET') expect(py.k).toEqual(ours.ruleCodes);
      if (outcome === 'EKSIK_EVRAK') expect(py.b).toEqual(ours.missingDocumentCodes);
      // Someone else's T.C. Kimlik No does not match; a changed character fails the signature.
      expect(JSON.parse(python(script, pem, text, '10000000146').stdout)).toMatchObject({ mother_matches: false });
      const i = text.length - 12;
      const changed = text.slice(0, i) + (text[i] === '0' ? '1' : '0') + text.slice(i + 1);
      const bad = python(script, pem, changed);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toMatch(/InvalidSignature|Error/);
    }
  });
});
