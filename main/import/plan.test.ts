import { afterAll, describe, expect, it } from 'vitest';
import type { ImportChanges } from '../services/importApply';
import { parseAppointmentFile } from './parse';
import { existingStateOf, planImport, type ExistingAppointment, type ExistingState, type ImportPlan } from './plan';
import { HEADERS, TCKN, csvText, rowsOf, tempDir, textRow } from './testing/fixtures';
import type { AppointmentRow, ParsedAppointmentList } from './types';

const t = tempDir('plan');
afterAll(() => t.cleanup());

let files = 0;
async function parse(records: ReturnType<typeof textRow>[]): Promise<ParsedAppointmentList> {
  return parseAppointmentFile({ path: t.file(`list-${files++}.csv`, csvText(rowsOf(HEADERS, records))) });
}

/** The desk's state as the database would give it: rows from an earlier import, with a state each. */
function deskState(rows: AppointmentRow[], states: Record<string, ExistingState> = {}) {
  const map = new Map<string, ExistingAppointment>(rows.map((r) => [r.randevuNo, { state: states[r.randevuNo] ?? (r.cancelled ? 'CANCELLED' : 'NOT_STARTED'), fields: { ...r } }]));
  return { ownProvinces: ['35'], existing: () => map };
}

function total(plan: ImportPlan): number {
  return Object.values(plan.report.counts).reduce((a, b) => a + b, 0);
}

const no = (n: number) => `35-2026-${String(n).padStart(6, '0')}`;

describe('planImport', () => {
  it('first import: own rows added, other provinces skipped per province, bad rows rejected once each', async () => {
    const parsed = await parse([
      textRow(1),
      textRow(2, { Durum: 'İPTAL' }),
      textRow(3, { 'İl Kodu': '6', 'Randevu No': '06-2026-000003' }),
      textRow(4, { 'İl Kodu': '06', 'Randevu No': '06-2026-000004', 'Anne Soyadı': '' }), // bad, but Ankara's business
      textRow(5, { 'İl Kodu': '34', 'Randevu No': '34-2026-000005' }),
      textRow(6, { 'Randevu Tarihi': '31.02.2026', 'Anne Adı': '' }), // two problems, one rejected row
    ]);
    const plan = planImport(parsed, { ownProvinces: ['35'], existing: () => new Map() });
    // The row HQ had already cancelled is stored as cancelled and counted as cancelled, not as added.
    expect(plan.report.counts).toEqual({ added: 1, updated: 0, unchanged: 0, cancelled: 1, rejected: 1, skipped: 3, keptStarted: 0 });
    expect(plan.report.skippedByProvince).toEqual({ '06': 2, '34': 1 });
    expect(total(plan)).toBe(parsed.totalRows);
    expect(plan.added.map((r) => [r.randevuNo, r.cancelled])).toEqual([[no(1), false], [no(2), true]]);
    expect(plan.report.lines.map((l) => [l.row, l.kind, l.code, l.column])).toEqual([
      [3, 'cancelled', 'ADDED_CANCELLED', null],
      [7, 'rejected', 'BAD_DATE', 'Randevu Tarihi'],
      [7, 'rejected', 'MISSING_VALUE', 'Anne Adı'],
    ]);
  });

  it('re-importing the same file changes nothing', async () => {
    const records = [textRow(1), textRow(2), textRow(3, { Durum: 'İPTAL' }), textRow(4, { 'İl Kodu': '06', 'Randevu No': '06-2026-000004' })];
    const first = await parse(records);
    const again = await parse(records);
    const plan = planImport(again, deskState(first.rows));
    expect(plan.report.counts).toEqual({ added: 0, updated: 0, unchanged: 3, cancelled: 0, rejected: 0, skipped: 1, keptStarted: 0 });
    expect(plan.added).toEqual([]);
    expect(plan.updated).toEqual([]);
    expect(plan.cancelled).toEqual([]);
    expect(plan.report.lines).toEqual([]);
  });

  it('a corrected file updates only appointments nobody has started; started ones keep their fields', async () => {
    const first = await parse([textRow(1), textRow(2), textRow(3), textRow(4)]);
    const state = deskState(first.rows, { [no(2)]: 'STARTED', [no(3)]: 'REGISTERED' });
    const corrected = await parse([
      textRow(1, { 'Randevu Saati': '09:30', 'Anne Soyadı': 'ÖZTÜRK ÇELİK' }),
      textRow(2, { 'Randevu Saati': '09:30' }),
      textRow(3, { 'Anne Soyadı': 'YILMAZ' }),
      textRow(4),
      textRow(5),
    ]);
    const plan = planImport(corrected, state);
    expect(plan.report.counts).toEqual({ added: 1, updated: 1, unchanged: 1, cancelled: 0, rejected: 0, skipped: 0, keptStarted: 2 });
    expect(plan.updated.map((r) => [r.randevuNo, r.time, r.motherLastName])).toEqual([[no(1), '09:30', 'ÖZTÜRK ÇELİK']]);
    expect(plan.added.map((r) => r.randevuNo)).toEqual([no(5)]);
    const lines = plan.report.lines.map((l) => [l.randevuNo, l.kind, l.code, l.column]);
    expect(lines).toEqual([
      [no(1), 'updated', 'UPDATED_FIELD', 'Randevu Saati'],
      [no(1), 'updated', 'UPDATED_FIELD', 'Anne Soyadı'],
      [no(2), 'kept', 'KEPT_STARTED_CHANGED', 'Randevu Saati'],
      [no(3), 'kept', 'KEPT_STARTED_CHANGED', 'Anne Soyadı'],
    ]);
    // Times are shown old -> new; names (personal data) are not echoed.
    expect(plan.report.lines[0]!.tr).toBe('Randevu Saati güncellendi (09:10 → 09:30).');
    expect(plan.report.lines[1]!.tr).toBe('Anne Soyadı güncellendi.');
    expect(JSON.stringify(plan.report.lines)).not.toContain('YILMAZ');
  });

  it('HQ cancelling: a waiting appointment is cancelled; a registered one stays registered and is reported', async () => {
    const first = await parse([textRow(1), textRow(2), textRow(3)]);
    const state = deskState(first.rows, { [no(2)]: 'REGISTERED', [no(3)]: 'STARTED' });
    const cancelled = await parse([textRow(1, { Durum: 'İPTAL' }), textRow(2, { Durum: 'iptal' }), textRow(3, { Durum: 'IPTAL' })]);
    const plan = planImport(cancelled, state);
    expect(plan.report.counts).toMatchObject({ cancelled: 1, keptStarted: 2, updated: 0 });
    expect(plan.cancelled).toEqual([no(1)]);
    expect(plan.updated).toEqual([]);
    const kept = plan.report.lines.find((l) => l.randevuNo === no(2))!;
    expect(kept).toMatchObject({ kind: 'kept', code: 'KEPT_REGISTERED_CANCELLED', row: 3 });
    expect(kept.tr).toBe('Genel Müdürlük randevuyu iptal etmiş ama masada kesin kayıt yapılmış; kayıt olduğu gibi kaldı. Genel Müdürlükle görüşün.');
    expect(plan.report.lines.find((l) => l.randevuNo === no(3))!.code).toBe('KEPT_STARTED_CANCELLED');
  });

  it('an appointment cancelled at the desk is not reinstated by an active row (reported)', async () => {
    const first = await parse([textRow(1, { Durum: 'İPTAL' })]);
    const plan = planImport(await parse([textRow(1)]), deskState(first.rows));
    expect(plan.report.counts.unchanged).toBe(1);
    expect(plan.report.lines).toMatchObject([{ kind: 'notice', code: 'NOT_REINSTATED' }]);
  });

  it("accepts the desk's provinces as '6' or '06'", async () => {
    const parsed = await parse([textRow(1, { 'İl Kodu': '06' })]);
    expect(planImport(parsed, { ownProvinces: ['6'], existing: () => new Map() }).report.counts.added).toBe(1);
  });

  it('maps the desk statuses to states', () => {
    expect(existingStateOf('BEKLIYOR')).toBe('NOT_STARTED');
    expect(existingStateOf('IPTAL')).toBe('CANCELLED');
    expect(existingStateOf('KESIN_KAYIT')).toBe('REGISTERED');
    for (const s of ['GELDI', 'ISLEMDE', 'RET', 'EKSIK_EVRAK', 'GELMEDI'] as const) expect(existingStateOf(s)).toBe('STARTED');
  });

  it('is shaped for the database apply (ImportChanges) and is pure', async () => {
    const parsed = await parse([textRow(1), textRow(2, { 'Anne TC Kimlik No': TCKN.mother3 })]);
    const ctx = { ownProvinces: ['35'], existing: () => new Map() };
    const plan = planImport(parsed, ctx);
    const changes: ImportChanges = {
      file: { name: 'liste.csv', size: 1, sha256: '0'.repeat(64) },
      counts: plan.report.counts,
      added: plan.added,
      updated: plan.updated,
      cancelled: plan.cancelled,
    };
    expect(changes.added).toHaveLength(2);
    expect(planImport(parsed, ctx)).toEqual(plan);
  });

  it('a row of the own province with a programme the desk has no rule pack for is rejected (row, column, reason); another province\'s is skipped', async () => {
    const parsed = await parse([textRow(1), textRow(2, { 'Program Kodu': 'YOK-9999' }), textRow(3, { 'Program Kodu': 'YOK-9999', 'İl Kodu': '34', 'Randevu No': '34-2026-000003' })]);
    const plan = planImport(parsed, { ownProvinces: ['35'], existing: () => new Map(), knownProgram: (c) => c === 'EVDE-2015' });
    expect(plan.report.counts).toEqual({ added: 1, updated: 0, unchanged: 0, cancelled: 0, rejected: 1, skipped: 1, keptStarted: 0 });
    expect(plan.added.map((r) => r.randevuNo)).toEqual([no(1)]);
    expect(plan.report.lines).toEqual([
      {
        row: 3,
        randevuNo: no(2),
        column: 'Program Kodu',
        kind: 'rejected',
        code: 'UNKNOWN_PROGRAM',
        tr: "Program Kodu 'YOK-9999' bu masada tanımlı bir program değil (program paketi yüklü değil: YOK-9999); satır alınmadı, masada karara bağlanamazdı. Birim sorumlusu HQ'nin imzalı paketini yükleyebilir (Kural paketleri).",
        en: "Program Kodu 'YOK-9999' is not a programme this desk knows (no rule pack; programme pack not loaded: YOK-9999); the row was not taken, as it could not be decided at the desk. The office head can load HQ's signed pack (Rule packs).",
      },
    ]);
    expect(total(plan)).toBe(parsed.totalRows);
  });
});
