import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { HEADERS, csvText, rowsOf, tempDir, textRow } from '../import/testing/fixtures';
import { openpyxlMissing, readXlsxWithOpenpyxl, writeXlsxWithOpenpyxl } from '../import/testing/openpyxl';
import { setUpApp } from '../testing/appFixture';
import { APPLY_STEP_ROWS } from './importApply';
import { LIMITS } from '../import/limits';
import { BAKICI_DOCUMENTS, bakiciFacts } from '../testing/facts';
import type { LedgerStore } from '../../database';
import { rawHandle } from '../../database/testing/internals';

/**
 * The whole import through the handler table into a real encrypted ledger: analyse (from a
 * path, or from the bytes the screen sends), apply, and what the ledger and the appointments
 * hold afterwards. Fixtures are hand-written CSV and openpyxl workbooks.
 */
const files = tempDir('service');
afterAll(() => files.cleanup());

const NOW = () => new Date('2026-11-24T07:00:00Z');
const no = (n: number) => `35-2026-${String(n).padStart(6, '0')}`;
let counter = 0;
function csvFile(records: ReturnType<typeof textRow>[], name = `liste-${counter++}.csv`): string {
  return files.file(name, csvText(rowsOf(HEADERS, records)));
}
/** SHA-256 by coreutils, not by the code under test. */
const sha256sum = (p: string) => execFileSync('sha256sum', [p], { encoding: 'utf8' }).split(' ')[0]!;

function importEvents(app: { requireStore(): LedgerStore }) {
  return (rawHandle(app.requireStore()).prepare("SELECT seq, payload FROM events WHERE type = 'import.applied' ORDER BY seq").all() as { seq: number; payload: string }[]).map((e) => ({
    seq: e.seq,
    data: JSON.parse(e.payload).data as { file: { name: string; size: number; sha256: string }; counts: Record<string, number> },
  }));
}

function statusOf(app: { requireStore(): LedgerStore }, randevuNo: string) {
  return rawHandle(app.requireStore()).prepare('SELECT status, hq_cancelled, updated_seq FROM appointments WHERE randevu_no = ?').get(randevuNo) as
    | { status: string; hq_cancelled: number; updated_seq: number }
    | undefined;
}

describe('import through the handlers, into the ledger', () => {
  it('the ledger event carries the file name, size, SHA-256 and the counts; the same file again is all unchanged and writes nothing', async () => {
    const { ok, app } = await setUpApp({ now: NOW });
    const records = [textRow(1), textRow(2), textRow(3, { 'İl Kodu': '06', 'Randevu No': '06-2026-000003' }), textRow(4, { 'Anne TC Kimlik No': '12345678901' })];
    const file = csvFile(records, 'randevu-listesi-24.11.2026.csv');

    const first = await ok('import.analyze', { path: file });
    const applied = await ok('import.apply', { importId: first.importId });
    expect(applied.counts).toEqual({ added: 2, updated: 0, unchanged: 0, cancelled: 0, rejected: 1, skipped: 1, keptStarted: 0 });
    const [ev] = importEvents(app);
    expect(ev!.seq).toBe(applied.seq);
    expect(ev!.data.file).toEqual({ name: 'randevu-listesi-24.11.2026.csv', size: fs.statSync(file).size, sha256: sha256sum(file) });
    expect(ev!.data.counts).toEqual(applied.counts);
    const seqBefore = statusOf(app, no(1))!.updated_seq;

    const again = await ok('import.analyze', { path: file });
    expect(again.report.counts).toEqual({ added: 0, updated: 0, unchanged: 2, cancelled: 0, rejected: 1, skipped: 1, keptStarted: 0 });
    expect(again.report.lines.filter((l) => l.kind !== 'rejected')).toEqual([]);
    const second = await ok('import.apply', { importId: again.importId });
    expect(second.counts).toEqual(again.report.counts);
    const events = importEvents(app);
    expect(events).toHaveLength(2);
    expect(events[1]!.data.counts).toEqual(again.report.counts);
    expect(events[1]!.data.file.sha256).toBe(sha256sum(file));
    // Nothing was rewritten by the second import.
    expect(statusOf(app, no(1))!.updated_seq).toBe(seqBefore);
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it('a large apply runs in steps: progress is told, the process keeps answering, other requests wait and see it whole', async () => {
    const { ok, app } = await setUpApp({ now: NOW });
    const rows = 3 * APPLY_STEP_ROWS + 17;
    const a = await ok('import.analyze', { path: csvFile(Array.from({ length: rows }, (_, i) => textRow(i + 1))) });
    const told: { phase?: string; rows: number; total: number }[] = [];
    let timerRanDuringApply = false;
    let found: Promise<{ results: unknown[] }> | null = null;
    const unsubscribe = app.events.subscribe((event, payload) => {
      const p = payload as { importId: string; phase?: string; rows: number; total: number };
      if (event !== 'import.progress' || p.importId !== a.importId || p.phase !== 'apply') return;
      told.push(p);
      if (told.length === 1) {
        // Between two steps: a timer gets its turn, and a desk request is held back until the end.
        setTimeout(() => (timerRanDuringApply = told.length < 3), 0);
        found = ok('desk.find', { query: no(rows) });
      }
    });
    try {
      const applied = await ok('import.apply', { importId: a.importId });
      expect(applied.counts.added).toBe(rows);
    } finally {
      unsubscribe();
    }
    expect(told.map((t) => t.rows)).toEqual([APPLY_STEP_ROWS, 2 * APPLY_STEP_ROWS, 3 * APPLY_STEP_ROWS]);
    expect(told.every((t) => t.total === rows)).toBe(true);
    expect(timerRanDuringApply).toBe(true);
    // Sent during the apply, answered after it: the last row, which was not written yet then.
    expect((await found!)!.results).toHaveLength(1);
    expect(statusOf(app, no(rows))!.status).toBe('BEKLIYOR');
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it('a cancel during the apply rolls everything back: no row, no event, and the plan is gone', async () => {
    const { ok, call, app } = await setUpApp({ now: NOW });
    const rows = 3 * APPLY_STEP_ROWS;
    const a = await ok('import.analyze', { path: csvFile(Array.from({ length: rows }, (_, i) => textRow(i + 1))) });
    const eventsBefore = (rawHandle(app.requireStore()).prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    let cancel: Promise<unknown> | null = null;
    const unsubscribe = app.events.subscribe((event, payload) => {
      const p = payload as { importId: string; phase?: string };
      if (event === 'import.progress' && p.phase === 'apply' && !cancel) cancel = ok('import.cancel', { importId: a.importId });
    });
    let answer;
    try {
      answer = await call('import.apply', { importId: a.importId });
    } finally {
      unsubscribe();
    }
    expect(answer.ok === false && answer.error).toMatchObject({ code: 'IMPORT_CANCELLED', message: 'İçe aktarma iptal edildi; hiçbir şey değişmedi.' });
    expect(await cancel!).toEqual({ cancelled: true });
    expect(statusOf(app, no(1))).toBeUndefined();
    expect(rawHandle(app.requireStore()).prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });
    expect(rawHandle(app.requireStore()).prepare('SELECT count(*) AS n FROM appointment_search').get()).toEqual({ n: 0 });
    expect((rawHandle(app.requireStore()).prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(eventsBefore);
    expect(importEvents(app)).toEqual([]);
    const again = await call('import.apply', { importId: a.importId });
    expect(again.ok === false && again.error.code).toBe('IMPORT_UNKNOWN');
    // The ledger takes the next write as usual, and the same file can be imported afresh.
    const b = await ok('import.analyze', { path: csvFile([textRow(1)]) });
    expect((await ok('import.apply', { importId: b.importId })).counts.added).toBe(1);
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it('a second apply of the same plan answers with the same result and records once', async () => {
    const { ok, call, app } = await setUpApp({ now: NOW });
    const a = await ok('import.analyze', { path: csvFile([textRow(1), textRow(2)]) });
    const [r1, r2] = await Promise.all([ok('import.apply', { importId: a.importId }), ok('import.apply', { importId: a.importId })]);
    const r3 = await ok('import.apply', { importId: a.importId });
    expect(r2).toEqual(r1);
    expect(r3).toEqual(r1);
    expect(importEvents(app)).toHaveLength(1);
    expect(r1.counts.added).toBe(2);
    // A report that cannot be written after the import says that the import itself was saved.
    const failed = await call('import.saveReport', { importId: a.importId, to: '/nonexistent/rapor.xlsx' });
    expect(failed.ok === false && failed.error).toMatchObject({
      code: 'IMPORT_REPORT_FAILED_SAVED',
      message: 'İçe aktarma kaydedildi, ancak rapor yazılamadı: /nonexistent klasörü yok. Raporu başka bir yere yeniden kaydedebilirsiniz.',
      messageEn: 'The import was saved, but the report could not be written: The folder /nonexistent does not exist. You can save the report again elsewhere.',
    });
    // The report is still there to download after the repeated click.
    const report = await ok('import.reportFile', { importId: a.importId });
    expect(Buffer.from(report.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('a new row that arrives already İPTAL is counted as cancelled and listed; an unknown Program Kodu is rejected with row, column and reason', async () => {
    const { ok, app } = await setUpApp({ now: NOW });
    const a = await ok('import.analyze', {
      path: csvFile([textRow(1), textRow(2, { Durum: 'İPTAL' }), textRow(3, { 'Program Kodu': 'YOK-9999' }), textRow(4, { 'Program Kodu': 'YOK-9999', 'İl Kodu': '06', 'Randevu No': '06-2026-000004' })]),
    });
    expect(a.report.counts).toEqual({ added: 1, updated: 0, unchanged: 0, cancelled: 1, rejected: 1, skipped: 1, keptStarted: 0 });
    expect(a.report.lines.map((l) => [l.row, l.kind, l.column, l.code])).toEqual([
      [3, 'cancelled', null, 'ADDED_CANCELLED'],
      [4, 'rejected', 'Program Kodu', 'UNKNOWN_PROGRAM'],
    ]);
    const rejected = a.report.lines.find((l) => l.kind === 'rejected')!;
    expect(rejected.tr).toBe("Program Kodu 'YOK-9999' bu masada tanımlı bir program değil (program paketi yüklü değil: YOK-9999); satır alınmadı, masada karara bağlanamazdı. Birim sorumlusu HQ'nin imzalı paketini yükleyebilir (Kural paketleri).");
    expect(rejected.en).toContain('no rule pack');
    await ok('import.apply', { importId: a.importId });
    expect(statusOf(app, no(2))).toMatchObject({ status: 'IPTAL', hq_cancelled: 1 });
    expect(statusOf(app, no(3))).toBeUndefined();
    expect(importEvents(app)[0]!.data.counts).toMatchObject({ added: 1, cancelled: 1, rejected: 1 });
  });

  it('an appointment registered at the desk and then cancelled at HQ stays registered, and the report says so', async () => {
    const { ok, app } = await setUpApp({ now: NOW });
    const records = [textRow(1, { 'Program Kodu': 'BAKICI-2020' }), textRow(2, { 'Program Kodu': 'BAKICI-2020' })];
    await ok('import.apply', { importId: (await ok('import.analyze', { path: csvFile(records) })).importId });
    await ok('desk.checkIn', { randevuNo: no(1) });
    const ctx = await ok('registration.start', { randevuNo: no(1) });
    await ok('registration.confirm', { randevuNo: no(1), submissionId: ctx.submissionId, facts: { ...ctx.draft!.facts, ...bakiciFacts() }, documents: BAKICI_DOCUMENTS, newAppointment: null });
    expect(statusOf(app, no(1))!.status).toBe('KESIN_KAYIT');
    const registeredSeq = statusOf(app, no(1))!.updated_seq;

    const cancelledAtHq = records.map((r) => ({ ...r, Durum: 'İPTAL' }));
    const a = await ok('import.analyze', { path: csvFile(cancelledAtHq) });
    expect(a.report.counts).toEqual({ added: 0, updated: 0, unchanged: 0, cancelled: 1, rejected: 0, skipped: 0, keptStarted: 1 });
    expect(a.report.lines.map((l) => [l.row, l.kind, l.code])).toEqual([
      [2, 'kept', 'KEPT_REGISTERED_CANCELLED'],
      [3, 'cancelled', 'CANCELLED'],
    ]);
    await ok('import.apply', { importId: a.importId });
    expect(statusOf(app, no(1))).toMatchObject({ status: 'KESIN_KAYIT', hq_cancelled: 0, updated_seq: registeredSeq });
    expect(statusOf(app, no(2))).toMatchObject({ status: 'IPTAL', hq_cancelled: 1 });
    expect((await ok('ledger.verify', {})).ok).toBe(true);
  });

  it.skipIf(openpyxlMissing !== null)('bytes sent by the screen are read from memory exactly as the same file on disk; the report downloads as .xlsx', async () => {
    const { ok, call, app } = await setUpApp({ now: NOW });
    const xlsx = writeXlsxWithOpenpyxl(files.dir, 'secilen-liste.xlsx', {
      sheets: [{ title: 'Liste', rows: rowsOf(HEADERS, [textRow(1), textRow(2, { Durum: 'İPTAL' }), textRow(3, { 'Randevu Tarihi': '31.02.2026' })]) }],
      rawUtf8: true,
      sharedStrings: true,
    });
    const bytes = fs.readFileSync(xlsx);
    const fromPath = await ok('import.analyze', { path: xlsx });
    const fromBytes = await ok('import.analyzeBytes', { name: 'C:\\Users\\mudur\\Downloads\\secilen-liste.xlsx', base64: bytes.toString('base64') });
    expect(fromBytes.file).toEqual({ name: 'secilen-liste.xlsx', size: bytes.length, sha256: sha256sum(xlsx) });
    expect({ ...fromBytes, importId: '' }).toEqual({ ...fromPath, importId: '' });
    await ok('import.cancel', { importId: fromPath.importId });
    const applied = await ok('import.apply', { importId: fromBytes.importId });
    expect(applied.counts).toMatchObject({ added: 1, cancelled: 1, rejected: 1 });
    expect(importEvents(app)[0]!.data.file.sha256).toBe(sha256sum(xlsx));

    const report = await ok('import.reportFile', { importId: fromBytes.importId });
    expect(report.name).toBe('ice-aktarma-raporu-secilen-liste.xlsx');
    const out = files.file(report.name, Buffer.from(report.base64, 'base64'));
    const sheets = readXlsxWithOpenpyxl(out);
    expect(sheets.map((s) => s.title)).toEqual(['Özet', 'Reddedilen Satırlar', 'Değişiklikler ve Uyarılar']);
    expect(sheets[0]!.rows).toContainEqual(['İptal Edilen', 1]);
    expect(sheets[1]!.rows[1]!.slice(0, 3)).toEqual([4, no(3), 'Randevu Tarihi']);

    // Not base64, or too large: refused by the contract before anything is read.
    const bad = await call('import.analyzeBytes', { name: 'x.csv', base64: 'not base64!' });
    expect(bad.ok === false && bad.error.code).toBe('VALIDATION');
    const big = await call('import.analyzeBytes', { name: 'x.csv', base64: 'A'.repeat(4 * Math.ceil((64 * 1024 * 1024) / 3) + 4) });
    expect(big.ok === false && big.error.fields?.base64?.tr).toBe('Dosya 64 MB sınırından büyük.');
  });
});

describe('a list by its path (the CLI, a typed path, in the desktop app a picked or dropped file)', () => {
  it('takes only a full path to a regular file within the size limit; each refusal in Turkish, nothing read or written', async () => {
    const { ok, call, app } = await setUpApp({ now: NOW });
    const seq = () => app.requireStore().ledger.head().seq;
    const before = seq();
    const relative = await call('import.analyze', { path: 'liste.csv' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { path: { tr: expect.stringContaining('tam yolunu') } } } });
    expect(await call('import.analyze', { path: '../liste.csv' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('import.analyze', { path: files.dir })).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE_MISSING', message: expect.stringContaining('Dosya bulunamadı') } });
    expect(await call('import.analyze', { path: `${files.dir}/yok.csv` })).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE_MISSING' } });
    // One byte over the largest list file the readers take (a sparse file: the size, without the disk).
    const huge = files.file('buyuk.csv', '');
    fs.truncateSync(huge, LIMITS.csvBytes + 1);
    expect(await call('import.analyze', { path: huge })).toMatchObject({ ok: false, error: { code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('128 MB') } });
    expect(seq()).toBe(before);
    // A full path is read as it always was.
    expect((await ok('import.analyze', { path: csvFile([textRow(1)]) })).report).toMatchObject({ totalRows: 1, counts: { added: 1 } });
  });
});

if (openpyxlMissing) console.warn(`importService.test.ts: the .xlsx case is skipped: ${openpyxlMissing}`);

describe('two apps in one process (the tests, a bench) keep their imports apart', () => {
  it("one app's plans, reports, cancels and progress events are not another's", async () => {
    const a = await setUpApp({ now: NOW });
    const b = await setUpApp({ now: NOW });
    try {
      const toldB: string[] = [];
      const unsubscribe = b.app.events.subscribe((event) => toldB.push(event));
      const planA = await a.ok('import.analyze', { path: csvFile([textRow(1), textRow(2)]) });
      unsubscribe();
      // Before plans lived in the app, B could apply A's plan to its own ledger.
      const applied = await b.call('import.apply', { importId: planA.importId });
      expect(applied.ok === false && applied.error.code).toBe('IMPORT_UNKNOWN');
      const report = await b.call('import.reportFile', { importId: planA.importId });
      expect(report.ok === false && report.error.code).toBe('IMPORT_UNKNOWN');
      expect(await b.ok('import.cancel', { importId: planA.importId })).toEqual({ cancelled: false });
      expect(statusOf(b.app, no(1))).toBeUndefined();
      expect(toldB).toEqual([]);
      // A's plan is untouched by B's cancel and still applies in A.
      expect((await a.ok('import.apply', { importId: planA.importId })).counts.added).toBe(2);
    } finally {
      a.app.shutdown();
      b.app.shutdown();
    }
  });
});
