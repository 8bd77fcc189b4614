-- The rows of the day files, as the contract's sheets hold them (one table per sheet).
-- Queries count only rows of LOADED files; a CONFLICT file's rows stay for inspection.
CREATE TABLE appointments (
  file_id bigint NOT NULL REFERENCES day_files (id),
  randevu_no text NOT NULL,
  program_code text NOT NULL,
  province_code text NOT NULL,
  appointment_date date NOT NULL,
  appointment_time text NOT NULL,
  mother_tckn text NOT NULL,
  mother_full_name text NOT NULL,
  arrived_at text,
  outcome text,
  clerk text
);
CREATE INDEX appointments_file ON appointments (file_id);

CREATE TABLE registrations (
  file_id bigint NOT NULL REFERENCES day_files (id),
  registration_no text NOT NULL,
  randevu_no text NOT NULL,
  program_code text NOT NULL,
  province_code text NOT NULL,
  pre_registered_at timestamp NOT NULL,
  registered_at timestamp NOT NULL,
  mother_tckn text NOT NULL,
  mother_full_name text NOT NULL,
  child_tckn text,
  child_birth_date date,
  caregiver_tckn text,
  institution_name text,
  support_type text NOT NULL,
  monthly_amount_cents integer NOT NULL,
  mother_iban text,
  caregiver_iban text,
  clerk text NOT NULL
);
CREATE INDEX registrations_file ON registrations (file_id);
CREATE INDEX registrations_mother ON registrations (mother_tckn);
CREATE INDEX registrations_child ON registrations (child_tckn) WHERE child_tckn IS NOT NULL;
CREATE INDEX registrations_standing ON registrations (program_code, province_code, pre_registered_at);

CREATE TABLE rejections (
  file_id bigint NOT NULL REFERENCES day_files (id),
  randevu_no text NOT NULL,
  program_code text NOT NULL,
  mother_tckn text NOT NULL,
  mother_full_name text NOT NULL,
  outcome text NOT NULL,
  reason_codes text[] NOT NULL,
  reason_text text NOT NULL,
  missing_documents text[] NOT NULL,
  new_appointment timestamp,
  clerk text NOT NULL
);
CREATE INDEX rejections_file ON rejections (file_id);
