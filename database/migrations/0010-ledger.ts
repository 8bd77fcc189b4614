/**
 * The ledger itself: events only grow. The chain head row follows every insert through a
 * trigger, so deleting the newest events is noticed by verify even though the chain of the
 * remaining ones is intact.
 */
export const version = 10;
export const sql = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE events (
  seq       INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL,
  user_id   INTEGER,
  type      TEXT    NOT NULL,
  entity    TEXT    NOT NULL,
  payload      TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL
) STRICT;
CREATE INDEX events_entity ON events(entity, seq);

-- KVKK erasure (docs/kvkk.md) is the one exception: it may replace the payload of an event
-- that a redaction row, written in the same transaction as the erasure event, names. Nothing
-- chained (payload_hash, hashes, order) may change, so the chain still verifies.
CREATE TABLE event_redactions (
  seq         INTEGER NOT NULL,
  erasure_seq INTEGER NOT NULL,
  PRIMARY KEY (seq, erasure_seq)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER event_redactions_no_update BEFORE UPDATE ON event_redactions
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
CREATE TRIGGER event_redactions_no_delete BEFORE DELETE ON event_redactions
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (
  NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.user_id IS OLD.user_id AND NEW.type = OLD.type
  AND NEW.entity = OLD.entity AND NEW.payload_hash = OLD.payload_hash
  AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
  AND EXISTS (SELECT 1 FROM event_redactions r WHERE r.seq = OLD.seq)
)
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;

-- Which state rows each event changed ("appointments:06-2019-004711"): the history of one
-- appointment includes the import that added it. Derived from the payloads, written with them.
CREATE TABLE event_refs (
  ref TEXT    NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (ref, seq)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER event_refs_no_update BEFORE UPDATE ON event_refs
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
CREATE TRIGGER event_refs_no_delete BEFORE DELETE ON event_refs
BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;

CREATE TABLE chain_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT    NOT NULL
) STRICT;
INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');
CREATE TRIGGER events_move_head AFTER INSERT ON events
BEGIN UPDATE chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END;

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  username             TEXT    NOT NULL UNIQUE,
  display_name         TEXT    NOT NULL,
  role                 TEXT    NOT NULL CHECK (role IN ('HEAD', 'CLERK')),
  disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  created_at           TEXT    NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
