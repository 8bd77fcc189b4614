-- One row per signed day file HQ accepted. status LOADED: the file of that province-desk-day;
-- CONFLICT: a different file for a day already loaded (kept, never replacing the first);
-- REEXPORT: the same rows again under another creation time (kept for the chain, no rows).
CREATE TABLE day_files (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256 text NOT NULL UNIQUE,
  content_sha256 text NOT NULL,
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('LOADED', 'CONFLICT', 'REEXPORT')),
  province_code text NOT NULL,
  province_name text NOT NULL,
  desk_code text NOT NULL,
  day date NOT NULL,
  program_codes text NOT NULL,
  chain_head text NOT NULL,
  created_at timestamp NOT NULL,
  app_version text NOT NULL,
  created_by text NOT NULL,
  public_key_spki text NOT NULL REFERENCES desk_keys (public_key_spki),
  -- The Özet counts (checked equal to the rows before loading).
  appointments integer NOT NULL,
  arrived integer NOT NULL,
  no_shows integer NOT NULL,
  registrations integer NOT NULL,
  rejected integer NOT NULL,
  incomplete integer NOT NULL,
  cancelled integer NOT NULL,
  monthly_total_cents bigint NOT NULL,
  summary jsonb NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX day_files_one_per_desk_day ON day_files (province_code, desk_code, day) WHERE status = 'LOADED';
CREATE INDEX day_files_day ON day_files (day);
