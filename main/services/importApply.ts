import { appointments as appointmentsQ } from '../../database';
import { AppError } from '../app/appError';
import { HeapGuard } from '../app/fullCollection';
import type { MasaApp } from '../app/masaApp';
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

/**
 * Applies an import plan: one transaction, one ledger event carrying the file's name, size,
 * SHA-256 and counts, and every row it adds or changes. The plan was made from the same
 * state; each row is checked again here so that nothing started at the desk is overwritten.
 */
export function applyImport(app: MasaApp, changes: ImportChanges): { seq: number } {
  const store = app.requireStore();
  const session = app.requireSession();
  const { event } = store.ledger.record({ type: 'import.applied', entity: `import:${changes.file.sha256.slice(0, 16)}`, userId: session.userId }, (w) => {
    const guard = new HeapGuard();
    let n = 0;
    for (const a of changes.added) {
      if (++n % 1000 === 0) guard.check();
      const row = appointmentRow(a, { status: a.cancelled ? 'IPTAL' : 'BEKLIYOR', arrivedAt: null, hqCancelled: a.cancelled, updatedSeq: w.seq });
      try {
        w.insert('appointments', row);
      } catch (err) {
        // Added at the desk or by another import since the plan was made.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('IMPORT_STALE');
        throw err;
      }
    }
    for (const u of changes.updated) {
      const cur = appointmentsQ.appointmentByNo(store.db, u.randevuNo);
      if (!cur || !NOT_STARTED.includes(cur.status as never)) throw new AppError('IMPORT_STALE');
      w.put('appointments', appointmentRow(u, { status: cur.status, arrivedAt: cur.arrived_at, hqCancelled: cur.hq_cancelled === 1, updatedSeq: w.seq }));
    }
    for (const no of changes.cancelled) {
      const cur = appointmentsQ.appointmentByNo(store.db, no);
      if (!cur || cur.status !== 'BEKLIYOR') throw new AppError('IMPORT_STALE');
      w.put('appointments', { ...cur, status: 'IPTAL', hq_cancelled: 1, updated_seq: w.seq });
    }
    w.note({ file: changes.file, counts: changes.counts });
  });
  return { seq: event.seq };
}
