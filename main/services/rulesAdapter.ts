import type { appointments } from '../../database';
import type { OutcomeCode } from '../../preload/contract/appointmentStatus';
import type { DecisionView, Evaluation, FactFieldView, WizardDraft } from '../../preload/contract/registrationTypes';
import type { MasaApp } from '../app/masaApp';
import { checkFacts, decide, requiredDocuments, visibleFields, type DecisionDates, type RulePack } from '../rules';
import { latestPackOf } from './packStore';
import { packIdentity } from '../rules/packIdentity';

/** Between the rules engine's types and the wizard's contract: no rule lives here. */
export const OUTCOME_CODE: Record<string, OutcomeCode> = { 'KESİN KAYIT': 'KESIN_KAYIT', RET: 'RET', 'EKSİK EVRAK': 'EKSIK_EVRAK' };

/** The newest pack of a programme (built-in or loaded): its name, currency and quotas. Deciding uses packForDates. */
export function packFor(app: MasaApp, programCode: string): RulePack {
  return latestPackOf(app, programCode);
}

export function wizardFields(pack: RulePack): FactFieldView[] {
  return pack.facts.map((f) => ({
    key: f.key,
    type: f.type,
    label: f.label,
    help: f.help ?? null,
    required: f.required,
    options: f.options ?? null,
    step: f.step,
  }));
}

/** What HQ already sent is filled in for the clerk to check rather than type. */
export function prefillFacts(pack: RulePack, row: appointments.AppointmentRow): WizardDraft['facts'] {
  const source: Record<string, string | null> = {
    motherTckn: row.mother_tckn,
    childTckn: row.child_tckn,
    childBirthDate: row.child_birth_date,
    motherBirthDate: row.mother_birth_date,
    caregiverTckn: row.caregiver_tckn,
    institutionName: row.institution_name,
    provinceCode: row.province_code,
  };
  const out: WizardDraft['facts'] = {};
  for (const f of pack.facts) {
    if (!f.prefillFrom) continue;
    const v = source[f.prefillFrom];
    if (v === null || v === undefined) continue;
    if (f.type === 'enum' && !(f.options ?? []).some((o) => o.value === v)) {
      if (f.options?.some((o) => o.value === 'DIGER')) out[f.key] = 'DIGER';
      continue;
    }
    out[f.key] = v;
  }
  return out;
}

export function evaluateApplication(pack: RulePack, facts: WizardDraft['facts'], documents: WizardDraft['documents'], dates: DecisionDates): Evaluation {
  const visible = visibleFields(pack, facts, dates);
  const fieldErrors = checkFacts(pack, facts, dates);
  const docs = requiredDocuments(pack, facts, dates);
  let decision: DecisionView | null = null;
  if (Object.keys(fieldErrors).length === 0) {
    const d = decide(pack, facts, dates, documents);
    decision = {
      outcome: OUTCOME_CODE[d.outcome]!,
      supportType: d.supportType,
      monthlyAmountCents: d.monthlyAmountCents,
      currency: pack.currency,
      failedRules: d.failedRules.map((r) => ({ code: r.code, text: r.text })),
      missingDocuments: d.missingDocuments,
      packCode: d.packCode,
      packEdition: d.packEdition,
      packHash: d.packHash,
      packLabel: packIdentity(d).label,
    };
  }
  return { visibleFields: visible.map((f) => f.key), fieldErrors, documents: docs, decision };
}
