import type { MasaApp } from '../app/masaApp';
import { applyImportNow } from '../services/importApply';
import { syntheticAppointments, type SyntheticOptions } from './syntheticAppointments';

/** Puts synthetic appointments into the ledger the way an import does (batches of 20,000 rows per event). */
export function seedAppointments(app: MasaApp, o: SyntheticOptions) {
  const rows = syntheticAppointments(o);
  for (let i = 0; i < rows.length; i += 20_000) {
    const batch = rows.slice(i, i + 20_000);
    applyImportNow(app, {
      file: { name: `test-${o.date}-${i}.xlsx`, size: 0, sha256: `${'0'.repeat(56)}${String(i).padStart(8, '0')}` },
      counts: { added: batch.length },
      added: batch.map((r) => ({ ...r, cancelled: false })),
      updated: [],
      cancelled: [],
    });
  }
  return rows;
}
