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
  payload   TEXT    NOT NULL,
  prev_hash TEXT    NOT NULL,
  hash      TEXT    NOT NULL
) STRICT;
CREATE INDEX events_entity ON events(entity, seq);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
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
