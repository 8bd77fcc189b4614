import type { HqSql } from '../database/engine';
import { provinceNames, refusalsByRule, reportCells, summaryTotals, type ReportCells } from '../database/queries/analysis';

interface ReportTotals {
  appointments: number;
  arrived: number;
  no_shows: number;
  cancelled: number;
  registrations: number;
  monthly_total_cents: number;
  rejected: number;
  incomplete: number;
}

const KEYS: (keyof ReportTotals)[] = ['appointments', 'arrived', 'no_shows', 'cancelled', 'registrations', 'monthly_total_cents', 'rejected', 'incomplete'];

interface HqReport {
  from: string;
  to: string;
  files: number;
  rows: (ReportCells & { province_name: string })[];
  byRule: { province_code: string; program_code: string; rule_code: string; refusals: number }[];
  totals: ReportTotals;
  summaryTotals: ReportTotals;
  /** The counts where the rows do not add up to the files' Özet rows (empty when they agree). */
  mismatches: { field: keyof ReportTotals; rows: number; summary: number }[];
}

/** `report`: per province and programme from the rows, checked against the sum of the loaded files' Özet rows. */
export async function buildReport(db: HqSql, from: string, to: string): Promise<HqReport> {
  const cells = await reportCells(db, from, to);
  const byRule = await refusalsByRule(db, from, to);
  const summary = await summaryTotals(db, from, to);
  const names = await provinceNames(db);
  const totals = Object.fromEntries(KEYS.map((k) => [k, cells.reduce((s, c) => s + c[k], 0)])) as unknown as ReportTotals;
  const summaryOnly = Object.fromEntries(KEYS.map((k) => [k, summary[k]])) as unknown as ReportTotals;
  return {
    from,
    to,
    files: summary.files,
    rows: cells.map((c) => ({ ...c, province_name: names.get(c.province_code) ?? '' })),
    byRule,
    totals,
    summaryTotals: summaryOnly,
    mismatches: KEYS.filter((k) => totals[k] !== summaryOnly[k]).map((k) => ({ field: k, rows: totals[k], summary: summaryOnly[k] })),
  };
}

/** `--date yyyy-MM-dd` or `--month yyyy-MM` as a day range; null when neither is a real date. */
export function reportRange(date: string | undefined, month: string | undefined): { from: string; to: string } | null {
  if (date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return null;
    return { from: date, to: date };
  }
  if (month !== undefined) {
    const m = /^(\d{4})-(\d{2})$/.exec(month);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
  }
  return null;
}
