import type { Row } from '../../database';

/**
 * Which columns of which state rows are personal data, and what an erased row looks like.
 * Kept apart from the erasure service so that a new personal column is added in one place
 * (the erasure test fails if a value survives anywhere in the file).
 *
 * Kept on purpose (they are not about a person, and HQ's counts and audits need them):
 * numbers, programme, province, dates of the appointment and registration, status, outcome,
 * support type and amount, rule and document codes, the institution's name, the clerk.
 */
export const ERASED = '[silindi]';

/** NOT NULL text columns get the marker (or '' where it would be searched); nullable ones NULL. */
const appointmentErasure: Record<string, string | null> = {
  mother_tckn: ERASED,
  mother_first_name: ERASED,
  mother_last_name: ERASED,
  mother_birth_date: null,
  child_tckn: null,
  child_birth_date: '',
  phone: null,
  caregiver_tckn: null,
  search_name: '',
  // Dropped from the table by migration 0080; rows of older events still carry it.
  search_last: '',
};

const registrationErasure: Record<string, string | null> = {
  mother_tckn: ERASED,
  child_tckn: null,
  caregiver_tckn: null,
  mother_iban: null,
  caregiver_iban: null,
  facts: '{}',
  left_reason: null,
};

export function isErasedAppointment(row: { mother_tckn: string }): boolean {
  return row.mother_tckn === ERASED;
}

/** Erases the personal columns the row has (an older event's row may have one the table no longer has). */
export function eraseAppointmentRow(row: Row): Row {
  const erased: Row = { ...row };
  for (const [column, value] of Object.entries(appointmentErasure)) if (column in row) erased[column] = value;
  return erased;
}

export function eraseRegistrationRow(row: Row): Row {
  return {
    ...row,
    ...registrationErasure,
    left_reason: row.left_reason == null ? null : ERASED,
    decision: typeof row.decision === 'string' ? eraseDecision(row.decision) : (row.decision ?? null),
  };
}

/**
 * A stored decision keeps its outcome, amounts, rule and document codes and texts, the pack
 * and the reference dates; the facts it saw and the inputs of each failed rule go.
 */
function eraseDecision(json: string): string {
  const d = JSON.parse(json) as Record<string, unknown> & { failedRules?: Record<string, unknown>[] };
  return JSON.stringify({
    ...d,
    facts: {},
    failedRules: (d.failedRules ?? []).map((r) => ({ ...r, inputs: {} })),
  });
}

/**
 * Values to look for after an erasure: identifiers and names that must be gone from the
 * rewritten rows. `factTypes` (from the rule pack) says which facts are identifiers or free
 * text about a person; an institution's name is not personal.
 */
export function personalValues(appointment: Row, registrations: readonly Row[], factTypes: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  // Short names ("Ece") would also match ordinary words in kept texts; identifiers carry digits.
  const add = (v: unknown) => {
    if (typeof v === 'string' && v !== ERASED && (v.length >= 5 || /\d{3}/.test(v))) out.add(v);
  };
  for (const c of ['mother_tckn', 'mother_first_name', 'mother_last_name', 'child_tckn', 'phone', 'caregiver_tckn']) add(appointment[c]);
  for (const r of registrations) {
    for (const c of ['mother_tckn', 'child_tckn', 'caregiver_tckn', 'mother_iban', 'caregiver_iban', 'left_reason']) add(r[c]);
    const facts = JSON.parse(String(r.facts)) as Record<string, unknown>;
    for (const [key, v] of Object.entries(facts)) {
      const type = factTypes.get(key);
      if ((type === 'tckn' || type === 'iban' || type === 'text') && !key.startsWith('institution.')) add(v);
    }
  }
  return [...out];
}
