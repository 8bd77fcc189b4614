/**
 * Drops what no query reads and every import paid for:
 *  - `search_last` ("last first", 0020): a surname typed first is found through
 *    `appointment_search` since 0040 (every rotation of the name's words), and 0050 dropped its
 *    index. It was a second folded copy of the mother's name in every appointment row and in
 *    every imported row of the ledger's events;
 *  - `appointments_status` (date, status): every day list is read by `appointments_day`
 *    (date, time, randevu_no) and filtered by status in memory.
 * Measured on 160,000 imported appointments (bench/import's profile): folding the second
 * name took 0.25 s and the index about 0.2 s of the apply.
 *
 * Older events still carry `search_last` in their rows: replay and erasure take a row's
 * columns from the table as it is now, so the extra value is ignored by replay and erased with
 * the rest of the row (main/services/personalFields.ts).
 */
export const version = 80;

export const sql = `
DROP INDEX appointments_status;
ALTER TABLE appointments DROP COLUMN search_last;
`;
