/**
 * The current-state tables the ledger is allowed to change, with their key columns. A row
 * changes only through `StateWriter.put` inside `Ledger.record`, which also writes the row into
 * the event that explains it; `replay` rebuilds exactly these tables from the events.
 * A migration that adds a state table adds it here too.
 */
export const stateTables: Record<string, { key: readonly string[] }> = {
  users: { key: ['id'] },
  settings: { key: ['key'] },
  appointments: { key: ['randevu_no'] },
  registrations: { key: ['registration_no'] },
};
