import { createHash } from 'node:crypto';
import { evaluate, type DecisionDates, type Facts, type Seen } from './evaluate';
import { amountOn } from './parameters';
import { checkFacts, effectiveFacts, visibleFields, type Bilingual } from './facts';
import type { RulePack } from './schema';

type Outcome = 'KESİN KAYIT' | 'RET' | 'EKSİK EVRAK';

interface Decision {
  outcome: Outcome;
  supportType: { code: string; label: Bilingual } | null;
  monthlyAmountCents: number | null;
  failedRules: { code: string; subject: string; referenceDate: string; text: Bilingual; inputs: Seen }[];
  missingDocuments: { code: string; label: Bilingual }[];
  packCode: string;
  packEdition: number;
  packHash: string;
  dates: DecisionDates;
  facts: Facts;
  documents: Record<string, boolean>;
}

/** The documents the checklist asks for, given the facts (conditional items included). */
export function requiredDocuments(pack: RulePack, facts: Facts, dates: DecisionDates): { code: string; label: Bilingual }[] {
  return pack.documents.filter((d) => !d.when || evaluate(pack, d.when, facts, dates, null) === true).map((d) => ({ code: d.code, label: d.label }));
}

/** SHA-256 of the pack's canonical JSON: stored with every decision so it can be replayed. */
export function packHash(pack: RulePack): string {
  const canon = (v: unknown): string =>
    v === null || typeof v !== 'object'
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? `[${v.map(canon).join(',')}]`
        : `{${Object.keys(v as object)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
            .join(',')}}`;
  return createHash('sha256').update(canon(pack)).digest('hex');
}

const hashes = new WeakMap<RulePack, string>();
function cachedHash(pack: RulePack): string {
  let h = hashes.get(pack);
  if (!h) hashes.set(pack, (h = packHash(pack)));
  return h;
}

export class FactsInvalid extends Error {
  constructor(readonly fieldErrors: Record<string, Bilingual>) {
    super('facts invalid');
  }
}

/**
 * Decides one application, purely: the same pack, facts, documents and dates always give the
 * same decision. Any failed eligibility rule -> RET (every failed rule is listed with what it
 * saw); otherwise any required document not ticked present -> EKSİK EVRAK; otherwise KESİN
 * KAYIT. A rule whose inputs are missing fails closed (it is listed), never passes silently.
 */
export function decide(pack: RulePack, facts: Facts, dates: DecisionDates, documents: Record<string, boolean> = {}): Decision {
  const visible = visibleFields(pack, facts, dates);
  const errors = checkFacts(pack, facts, dates, visible);
  for (const _ in errors) throw new FactsInvalid(errors);
  const f = effectiveFacts(pack, facts, dates, visible);
  const failedRules: Decision['failedRules'] = [];
  for (const rule of pack.rules) {
    if (rule.when && evaluate(pack, rule.when, f, dates, null) !== true) continue;
    if (evaluate(pack, rule.condition, f, dates, null) === true) continue;
    // Only a failed rule is evaluated again to record what it saw, for the explanation.
    const inputs: Seen = {};
    evaluate(pack, rule.condition, f, dates, inputs);
    failedRules.push({ code: rule.code, subject: rule.subject, referenceDate: rule.referenceDate, text: rule.text, inputs });
  }
  const missingDocuments = requiredDocuments(pack, f, dates).filter((d) => documents[d.code] !== true);
  const outcome: Outcome = failedRules.length ? 'RET' : missingDocuments.length ? 'EKSİK EVRAK' : 'KESİN KAYIT';
  // Only a final registration grants support. A refusal grants nothing; an incomplete file
  // grants nothing yet, and its amount is the one valid on the day the documents complete it
  // (amounts change by date), so quoting today's figure would promise what may not hold.
  const support = outcome !== 'KESİN KAYIT' ? null : (pack.supportTypes.find((s) => !s.when || evaluate(pack, s.when, f, dates, null) === true) ?? null);
  const amount = support ? amountOn(support.amounts, dates.finalRegistration) : null;
  return {
    outcome,
    supportType: support ? { code: support.code, label: support.label } : null,
    monthlyAmountCents: amount,
    failedRules,
    missingDocuments,
    packCode: pack.code,
    packEdition: pack.edition,
    packHash: cachedHash(pack),
    dates,
    facts: f,
    documents,
  };
}
