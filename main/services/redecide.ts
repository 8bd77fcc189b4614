import { registrations as registrationsQ } from '../../database';
import type { DecisionReplay } from '../../preload/contract/types';
import type { MasaApp } from '../app/masaApp';
import { turkeyParts } from '../domain/turkeyTime';
import { decide, FactsInvalid } from '../rules';
import { OUTCOME_CODE } from './rulesAdapter';
import { ERASED } from './personalFields';
import { decisionPackOf } from './packStore';

interface RecordedDecision {
  outcome: string;
  monthlyAmountCents: number | null;
  failedRules: { code: string }[];
  missingDocuments: { code: string }[];
}

const summary = (d: RecordedDecision) =>
  [d.outcome, d.outcome === 'KESIN_KAYIT' ? d.monthlyAmountCents : null, d.failedRules.map((r) => r.code).join('+'), d.missingDocuments.map((m) => m.code).join('+')].filter((x) => x !== null && x !== '').join(' ');

/**
 * `verify` decides every recorded registration again with the pack its decision names (by
 * hash, from the built-in files or the pack bytes the ledger holds) and the facts, documents
 * and dates it was decided on, and names every one that would come out differently. Only a
 * final registration's amount is compared: a RET or an EKSİK EVRAK grants nothing (issue 20.1;
 * an EKSİK EVRAK recorded by an earlier release may still carry the amount it would have had).
 */
export function redecideAll(app: MasaApp): DecisionReplay {
  const db = app.requireStore().reader;
  const differences: DecisionReplay['differences'] = [];
  let checked = 0;
  let erased = 0;
  for (const reg of registrationsQ.registeredOnDay(db, '0000-01-01', '9999-12-31')) {
    if (reg.mother_tckn === ERASED) {
      erased++;
      continue;
    }
    checked++;
    const recorded = JSON.parse(reg.decision) as RecordedDecision;
    const known = decisionPackOf(app, reg.pack_hash);
    const pack = known?.pack;
    // The label of the pack the decision is replayed with (the one its hash names); an unknown hash keeps its digits.
    const packLabel = known ? known.identity.label : `${reg.program_code}#?:${reg.pack_hash.slice(0, 8)}`;
    if (!pack) {
      differences.push({ registrationNo: reg.registration_no, randevuNo: reg.randevu_no, recorded: summary(recorded), now: `pack ${reg.pack_hash.slice(0, 8)} ?`, pack: packLabel });
      continue;
    }
    const dates = { preRegistration: reg.pre_registered_at, finalRegistration: turkeyParts(new Date(reg.registered_at)).date };
    let now: string;
    try {
      const d = decide(pack, JSON.parse(reg.facts), dates, JSON.parse(reg.documents));
      now = summary({ ...d, outcome: OUTCOME_CODE[d.outcome]! });
    } catch (e) {
      if (!(e instanceof FactsInvalid)) throw e;
      now = `FACTS_INVALID ${Object.keys(e.fieldErrors).join('+')}`;
    }
    if (now !== summary(recorded)) differences.push({ registrationNo: reg.registration_no, randevuNo: reg.randevu_no, recorded: summary(recorded), now, pack: packLabel });
  }
  return { ok: differences.length === 0, checked, erased, differences };
}
