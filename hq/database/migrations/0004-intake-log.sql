-- What HQ did and refused, append-only: every key added, every file loaded, kept as a
-- conflict, skipped as already loaded, or refused with its reason (names no person).
CREATE TABLE intake_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  action text NOT NULL,
  file_name text,
  sha256 text,
  code text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
