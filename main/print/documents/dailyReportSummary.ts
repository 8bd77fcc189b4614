/**
 * The daily report's counts, computed from the very rows the report prints, so that the
 * summary on page 1 can never disagree with the table that follows it.
 */
import { trCompare } from '../../domain/turkishText';
import type { AppointmentOutcome, DailyReportRow } from '../models';

interface OutcomeCounts {
  appointments: number;
  /** Came to the desk: registered, rejected or sent back for documents. */
  arrived: number;
  noShow: number;
  finalRegistration: number;
  rejected: number;
  missingDocuments: number;
  cancelled: number;
  pending: number;
}

interface ClerkLine {
  clerkName: string;
  finalRegistration: number;
  rejected: number;
  missingDocuments: number;
  /** Every appointment recorded by this clerk, whatever its outcome. */
  total: number;
  supportMinor: number;
}

export interface DailySummary {
  counts: OutcomeCounts;
  /** In Turkish alphabetical order, the order the signature boxes follow too. */
  byClerk: ClerkLine[];
  supportTotalMinor: number;
}

const ARRIVED: ReadonlySet<AppointmentOutcome> = new Set(['finalRegistration', 'rejected', 'missingDocuments']);

export function summarizeDay(rows: readonly DailyReportRow[]): DailySummary {
  const counts: OutcomeCounts = {
    appointments: rows.length,
    arrived: 0,
    noShow: 0,
    finalRegistration: 0,
    rejected: 0,
    missingDocuments: 0,
    cancelled: 0,
    pending: 0,
  };
  const clerks = new Map<string, ClerkLine>();
  let supportTotalMinor = 0;

  for (const row of rows) {
    counts[row.outcome] += 1;
    if (ARRIVED.has(row.outcome)) counts.arrived += 1;
    const support = row.monthlySupportMinor ?? 0;
    supportTotalMinor += support;
    if (row.clerkName === null) continue;
    let line = clerks.get(row.clerkName);
    if (!line) {
      line = { clerkName: row.clerkName, finalRegistration: 0, rejected: 0, missingDocuments: 0, total: 0, supportMinor: 0 };
      clerks.set(row.clerkName, line);
    }
    line.total += 1;
    line.supportMinor += support;
    if (row.outcome === 'finalRegistration' || row.outcome === 'rejected' || row.outcome === 'missingDocuments') {
      line[row.outcome] += 1;
    }
  }

  const byClerk = [...clerks.values()].sort((a, b) => trCompare(a.clerkName, b.clerkName));
  return { counts, byClerk, supportTotalMinor };
}
