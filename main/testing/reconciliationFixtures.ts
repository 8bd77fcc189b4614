import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BAKICI_DOCUMENTS, bakiciFacts } from './facts';
import { setUpAppWith } from './appFixture';
import { seedAppointments } from './seed';
import { closeDay } from '../services/desk';

/** Shared by the reconciliation tests: a desk's day, HQ's readers (openpyxl, openssl CLI). */
export const DAY = '2026-11-24';
const PY = '/usr/bin/python3';

/** openpyxl (HQ's kind of reader) dumps every sheet: names, headers, value types, formats, formulas. */
export function openpyxlDump(file: string) {
  const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "rows": {}, "formulas": 0}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            if c.data_type == 'f': out["formulas"] += 1
            v = c.value
            t = type(v).__name__
            if isinstance(v, (datetime.datetime, datetime.date, datetime.time)): v = v.isoformat()
            cells.append([v, t, c.number_format])
        rows.append(cells)
    out["rows"][ws.title] = rows
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PY, ['-c', script, file], { encoding: 'utf8' })) as {
    sheets: string[];
    formulas: number;
    rows: Record<string, [unknown, string, string][][]>;
  };
}

/** Verifies a .sig with the openssl command line alone (no project code). */
export function opensslVerify(xlsx: string, sigFile: string): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masa-ossl-'));
  const sig = JSON.parse(fs.readFileSync(sigFile, 'utf8'));
  const der = path.join(dir, 'pub.der');
  fs.writeFileSync(der, Buffer.from(sig.publicKey, 'base64'));
  execFileSync('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', der, '-out', path.join(dir, 'pub.pem')]);
  const sha = execFileSync('sha256sum', [xlsx], { encoding: 'utf8' }).split(' ')[0]!;
  if (sha !== sig.sha256) return false;
  fs.writeFileSync(path.join(dir, 'msg'), sha);
  fs.writeFileSync(path.join(dir, 'sig.bin'), Buffer.from(sig.signature, 'base64'));
  const r = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'pub.pem'), '-rawin', '-in', path.join(dir, 'msg'), '-sigfile', path.join(dir, 'sig.bin')]);
  return r.status === 0;
}

/**
 * A desk (its own ledger) whose day DAY has 5 appointments: 3 registered, 1 RET, 1 that never
 * came; the day is closed (an open day is not exported), so that one is GELMEDİ.
 */
export async function officeWithDay(desk: string, plant: { mother?: string; child?: string } = {}, names: [string, string][] = [], opts: { now?: () => Date } = {}) {
  const t = await setUpAppWith({ deskCode: desk, now: opts.now ?? (() => new Date('2026-11-24T08:00:00Z')) });
  const rows = seedAppointments(t.app, { date: DAY, count: 5, programCode: 'BAKICI-2020', names, startIndex: desk === 'M01' ? 0 : desk === 'M02' ? 100 : desk === 'M03' ? 200 : 300 });
  for (const [i, r] of rows.entries()) {
    if (i === 4) continue; // never came: GELMEDİ at the day close below
    await t.ok('desk.checkIn', { randevuNo: r.randevuNo });
    const ctx = await t.ok('registration.start', { randevuNo: r.randevuNo });
    const facts: Record<string, string | number | boolean | null> = { ...ctx.draft!.facts, ...bakiciFacts(i === 3 ? { 'caregiver.trainingCertificate': false } : {}) };
    if (i === 0 && plant.mother) facts['mother.tckn'] = plant.mother;
    if (i === 1 && plant.child) facts['child.tckn'] = plant.child;
    await t.ok('registration.confirm', { randevuNo: r.randevuNo, submissionId: ctx.submissionId, facts, documents: BAKICI_DOCUMENTS, newAppointment: null });
  }
  // The service, not the handler: the handler's day-close backup would add events of its own.
  closeDay(t.app, DAY);
  return { ...t, rows };
}

