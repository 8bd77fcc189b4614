/**
 * Event parts: the state changes of a large event (an import of 160,000 appointments) stored in
 * pieces beside it instead of inside one payload string of ~100 MB. The event's own payload
 * lists the SHA-256 of every part in order, so the chain covers the parts through it
 * (database/ledger/eventParts.ts). Parts follow the events' rules: written only in the transaction
 * of the event they belong to (its sequence is above the chain head until it commits), never
 * deleted, and changed only by a KVKK erasure that names the event (docs/kvkk.md).
 * A rowid table, not WITHOUT ROWID: a part is hundreds of kilobytes.
 */
export const version = 60;

export const sql = `
CREATE TABLE event_parts (
  seq     INTEGER NOT NULL,
  part    INTEGER NOT NULL,
  payload TEXT    NOT NULL,
  PRIMARY KEY (seq, part)
) STRICT;
CREATE TRIGGER event_parts_only_for_new_events BEFORE INSERT ON event_parts
WHEN NEW.seq <= (SELECT seq FROM chain_head WHERE id = 1)
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
CREATE TRIGGER event_parts_no_update BEFORE UPDATE ON event_parts
WHEN NOT (
  NEW.seq = OLD.seq AND NEW.part = OLD.part
  AND EXISTS (SELECT 1 FROM event_redactions r WHERE r.seq = OLD.seq)
)
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
CREATE TRIGGER event_parts_no_delete BEFORE DELETE ON event_parts
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
`;
