/**
 * Appointments from HQ's list. `search_name` ("first last") and `search_last` ("last first")
 * hold the folded name (tr-TR lower case, accents removed) so that "ŞÜKRAN", "sukran" and
 * "şükran" meet in one index, and a surname typed first is found by a range scan too.
 */
export const version = 20;
export const sql = `
CREATE TABLE appointments (
  randevu_no        TEXT PRIMARY KEY,
  program_code      TEXT NOT NULL,
  province_code     TEXT NOT NULL,
  date              TEXT NOT NULL,
  time              TEXT NOT NULL,
  pre_registered_at TEXT NOT NULL,
  mother_tckn       TEXT NOT NULL,
  mother_first_name TEXT NOT NULL,
  mother_last_name  TEXT NOT NULL,
  mother_birth_date TEXT,
  child_tckn        TEXT,
  child_birth_date  TEXT NOT NULL,
  phone             TEXT,
  caregiver_tckn    TEXT,
  institution_name  TEXT,
  status            TEXT NOT NULL CHECK (status IN
                      ('BEKLIYOR','GELDI','ISLEMDE','KESIN_KAYIT','RET','EKSIK_EVRAK','GELMEDI','IPTAL')),
  arrived_at        TEXT,
  hq_cancelled      INTEGER NOT NULL DEFAULT 0 CHECK (hq_cancelled IN (0, 1)),
  search_name       TEXT NOT NULL,
  search_last       TEXT NOT NULL,
  updated_seq       INTEGER NOT NULL
) STRICT;
CREATE INDEX appointments_day ON appointments(date, time, randevu_no);
CREATE INDEX appointments_mother ON appointments(mother_tckn);
CREATE INDEX appointments_name ON appointments(search_name);
CREATE INDEX appointments_last ON appointments(search_last);
CREATE INDEX appointments_status ON appointments(date, status);
`;
