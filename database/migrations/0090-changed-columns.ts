/**
 * From this version on, a put of a row that was already there stores only the columns it
 * changed (`{t, k, set}`, database/ledger/stateWriter.ts); a new row, a removal and every change
 * in a large event's parts stay as they were. Older events keep their whole rows.
 *
 * Nothing in the tables changes: each stored change says its own form (`row` or `set`), so
 * replay and erasure read both without knowing where one form ends, and no marker outside
 * the chain can be edited to make a change read as the other form. The version is what this
 * migration is for: a release of schema 80 reads a change without `row` as a removal, so it
 * must refuse a ledger that holds sets (DB_NEWER_SCHEMA), not replay it wrongly.
 */
export const version = 90;

export const sql = `-- the form of a change is in the change itself (see above)`;
