/**
 * The name-search rows are written by the state writer from now on (database/ledger/appointmentSearch.ts),
 * with exactly the rotations 0050's triggers computed, so the rows already in a file stay valid.
 * Why: any trigger on `appointments` makes each upsert of it run with a statement journal;
 * measured on 160,000 imported appointments, the triggers took 8 s of the 12 s of SQL.
 */
export const version = 70;

export const sql = `
DROP TRIGGER appointments_search_insert;
DROP TRIGGER appointments_search_update;
DROP TRIGGER appointments_search_delete;
DROP TABLE appointment_search_pos;
`;
