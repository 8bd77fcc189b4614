/**
 * Final registrations: the desk's decision on an appointment, with the facts, the ticked
 * documents and the rules engine's full decision (pack code + content hash) so it can be
 * explained and replayed. A reversal is a state change with its own event, never a delete.
 * `drafts` is the wizard's working memory: not a record, not in the ledger, deleted on confirm.
 */
export const version = 30;
export const sql = `
CREATE TABLE registrations (
  registration_no      TEXT PRIMARY KEY,
  randevu_no           TEXT NOT NULL REFERENCES appointments(randevu_no),
  program_code         TEXT NOT NULL,
  province_code        TEXT NOT NULL,
  outcome              TEXT NOT NULL CHECK (outcome IN ('KESIN_KAYIT','RET','EKSIK_EVRAK')),
  support_type         TEXT,
  monthly_amount_cents INTEGER,
  mother_tckn          TEXT NOT NULL,
  child_tckn           TEXT,
  caregiver_tckn       TEXT,
  institution_name     TEXT,
  mother_iban          TEXT,
  caregiver_iban       TEXT,
  facts                TEXT NOT NULL,
  documents            TEXT NOT NULL,
  decision             TEXT NOT NULL,
  pack_hash            TEXT NOT NULL,
  new_appointment_no   TEXT,
  pre_registered_at    TEXT NOT NULL,
  registered_at        TEXT NOT NULL,
  clerk_id             INTEGER NOT NULL REFERENCES users(id),
  submission_id        TEXT NOT NULL UNIQUE,
  state                TEXT NOT NULL CHECK (state IN ('ACTIVE','REVERSED')),
  left_main_list_at    TEXT,
  left_reason          TEXT,
  updated_seq          INTEGER NOT NULL
) STRICT;
CREATE INDEX registrations_randevu ON registrations(randevu_no, state);
CREATE INDEX registrations_list ON registrations(program_code, province_code, outcome, state, pre_registered_at, randevu_no);
CREATE INDEX registrations_day ON registrations(registered_at);
CREATE INDEX registrations_mother ON registrations(mother_tckn);

CREATE TABLE drafts (
  randevu_no TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
