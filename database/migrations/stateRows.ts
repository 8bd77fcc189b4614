/**
 * The rows of the state tables as the migrations leave them (0010-ledger, 0020-appointments,
 * 0030-registrations and the later ones that changed them): the one place a write's columns are
 * declared. `StateWriter.put(table, row)` takes `StateRows[table]`, so the compiler sees every
 * column of every write; stateRows.test.ts checks these lists against PRAGMA table_info of a
 * freshly migrated ledger. A migration that changes a state table changes its row here too.
 */
interface UserStateRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  disabled: number;
  must_change_password: number;
  created_at: string;
}

interface SettingStateRow {
  key: string;
  value: string;
}

export interface AppointmentStateRow {
  randevu_no: string;
  program_code: string;
  province_code: string;
  date: string;
  time: string;
  pre_registered_at: string;
  mother_tckn: string;
  mother_first_name: string;
  mother_last_name: string;
  mother_birth_date: string | null;
  child_tckn: string | null;
  child_birth_date: string;
  phone: string | null;
  caregiver_tckn: string | null;
  institution_name: string | null;
  status: string;
  arrived_at: string | null;
  hq_cancelled: number;
  search_name: string;
  updated_seq: number;
}

export interface RegistrationStateRow {
  registration_no: string;
  randevu_no: string;
  program_code: string;
  province_code: string;
  outcome: string;
  support_type: string | null;
  monthly_amount_cents: number | null;
  mother_tckn: string;
  child_tckn: string | null;
  caregiver_tckn: string | null;
  institution_name: string | null;
  mother_iban: string | null;
  caregiver_iban: string | null;
  facts: string;
  documents: string;
  decision: string;
  pack_hash: string;
  new_appointment_no: string | null;
  pre_registered_at: string;
  registered_at: string;
  clerk_id: number;
  submission_id: string;
  state: string;
  left_main_list_at: string | null;
  left_reason: string | null;
  updated_seq: number;
}

export interface StateRows {
  users: UserStateRow;
  settings: SettingStateRow;
  appointments: AppointmentStateRow;
  registrations: RegistrationStateRow;
}

export type StateTable = keyof StateRows;

/**
 * Each row type's columns as values, for the test against the real tables: the compiler refuses
 * a list that misses a declared column or names one the row type lacks.
 */
export const STATE_COLUMNS: { [T in StateTable]: Record<keyof StateRows[T], true> } = {
  users: { id: true, username: true, display_name: true, role: true, disabled: true, must_change_password: true, created_at: true },
  settings: { key: true, value: true },
  appointments: {
    randevu_no: true, program_code: true, province_code: true, date: true, time: true, pre_registered_at: true, mother_tckn: true,
    mother_first_name: true, mother_last_name: true, mother_birth_date: true, child_tckn: true, child_birth_date: true, phone: true,
    caregiver_tckn: true, institution_name: true, status: true, arrived_at: true, hq_cancelled: true, search_name: true, updated_seq: true,
  },
  registrations: {
    registration_no: true, randevu_no: true, program_code: true, province_code: true, outcome: true, support_type: true,
    monthly_amount_cents: true, mother_tckn: true, child_tckn: true, caregiver_tckn: true, institution_name: true, mother_iban: true,
    caregiver_iban: true, facts: true, documents: true, decision: true, pack_hash: true, new_appointment_no: true, pre_registered_at: true,
    registered_at: true, clerk_id: true, submission_id: true, state: true, left_main_list_at: true, left_reason: true, updated_seq: true,
  },
};
