import { appointments as appointmentsQ } from '../../database';
import { AppError } from '../app/appError';
import { HeapGuard } from '../app/fullCollection';
import type { MasaApp } from '../app/masaApp';
import type { StateWriter } from '../../database';
import { appointmentRow, type AppointmentFields } from './appointmentRows';
import { NOT_STARTED } from '../../preload/contract/appointmentStatus';

export interface ImportChanges {
  file: { name: string; size: number; sha256: string };
  counts: Record<string, number>;
  /** New appointments; `cancelled` ones arrive already cancelled at HQ. */
  added: (AppointmentFields & { cancelled: boolean })[];
  /** Changed fields of appointments nobody has started at the desk. */
  updated: AppointmentFields[];
  /** Randevu numbers HQ cancelled that the desk has not started. */
  cancelled: string[];
}

/** Rows written between two turns of the event loop: about 50 ms of work. */
export const APPLY_STEP_ROWS = 2000;

/** What the screen sees of an apply while it runs: progress, and a cancel it may send. */
interface ApplySteps {
  onProgress(rows: number, total: number): void;
  cancelled(): boolean;
}

/**
 * Applies an import plan: one transaction, one ledger event carrying the file's name, size,
 * SHA-256 and counts, and every row it adds or changes. The plan was made from the same
 * state; each row is checked again here so that nothing started at the desk is overwritten.
 *
 * In steps of APPLY_STEP_ROWS rows with a turn of the event loop between them
 * (Ledger.recordInSteps): 160,000 rows take 4-8 s, during which the window must keep
 * answering (Windows marks a window whose process does not as "not responding"), show the
 * progress and take a cancel, which rolls everything back.
 */
export async function applyImport(app: MasaApp, changes: ImportChanges, steps?: ApplySteps): Promise<{ seq: number }> {
  const store = app.requireStore();
  const total = changes.added.length + changes.updated.length + changes.cancelled.length;
  const { event } = await store.ledger.recordInSteps(importEvent(app, changes), async (w, pause) => {
    for (const rows of writeRows(app, w, changes)) {
      steps?.onProgress(rows, total);
      await pause();
      if (steps?.cancelled()) throw new AppError('IMPORT_CANCELLED');
    }
    // A cancel taken at the last pause: nothing can come between this check and the COMMIT.
    if (steps?.cancelled()) throw new AppError('IMPORT_CANCELLED');
    w.note({ file: changes.file, counts: changes.counts });
  });
  return { seq: event.seq };
}

/** applyImport in one go, without turns of the event loop (test and bench seeding). */
export function applyImportNow(app: MasaApp, changes: ImportChanges): { seq: number } {
  const { event } = app.requireStore().ledger.record(importEvent(app, changes), (w) => {
    for (const _ of writeRows(app, w, changes));
    w.note({ file: changes.file, counts: changes.counts });
  });
  return { seq: event.seq };
}

function importEvent(app: MasaApp, changes: ImportChanges) {
  return { type: 'import.applied', entity: `import:${changes.file.sha256.slice(0, 16)}`, userId: app.requireSession().userId };
}

/** Writes the plan's rows; yields the number written so far after every APPLY_STEP_ROWS. */
function* writeRows(app: MasaApp, w: StateWriter, changes: ImportChanges): Generator<number> {
  const db = app.requireStore().reader;
  const guard = new HeapGuard();
  let n = 0;
  // Counts a row; true at the end of a step (a yield per row would cost a resumption each).
  const counted = () => {
    if (++n % 1000 === 0) guard.check();
    return n % APPLY_STEP_ROWS === 0;
  };
  for (const a of changes.added) {
    const row = appointmentRow(a, { status: a.cancelled ? 'IPTAL' : 'BEKLIYOR', arrivedAt: null, hqCancelled: a.cancelled, updatedSeq: w.seq });
    try {
      w.insert('appointments', row);
    } catch (err) {
      // Added at the desk or by another import since the plan was made.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('IMPORT_STALE');
      throw err;
    }
    if (counted()) yield n;
  }
  for (const u of changes.updated) {
    const cur = appointmentsQ.appointmentByNo(db, u.randevuNo);
    if (!cur || !NOT_STARTED.includes(cur.status as never)) throw new AppError('IMPORT_STALE');
    w.put('appointments', appointmentRow(u, { status: cur.status, arrivedAt: cur.arrived_at, hqCancelled: cur.hq_cancelled === 1, updatedSeq: w.seq }));
    if (counted()) yield n;
  }
  for (const no of changes.cancelled) {
    const cur = appointmentsQ.appointmentByNo(db, no);
    if (!cur || cur.status !== 'BEKLIYOR') throw new AppError('IMPORT_STALE');
    w.put('appointments', { ...cur, status: 'IPTAL', hq_cancelled: 1, updated_seq: w.seq });
    if (counted()) yield n;
  }
}
