import type { ApiParsedInput } from '../../preload/contract/api';
import type { DecisionResult } from '../../preload/contract/rulesTypes';
import { AppError } from '../app/appError';
import { checkFacts, decide, loadRulePacks } from '../rules';

/**
 * One application from a facts file (docs/facts.md), decided with a bundled rule pack. Pure:
 * nothing is written and no session is needed. The file's own form is checked by the zod
 * schema (preload/contract/rulesTypes.ts); the facts by the pack, with the messages of a file
 * (`yyyy-MM-dd`, kuruş) rather than the wizard's.
 */
export function decideFacts(input: ApiParsedInput<'rules.decide'>): DecisionResult {
  const packs = loadRulePacks();
  const pack = packs.get(input.packCode);
  if (!pack) throw new AppError('PACK_UNKNOWN', { programCode: input.packCode, known: [...packs.keys()].join(', ') });
  const errors = checkFacts(pack, input.facts, input.dates, undefined, 'file');
  if (Object.keys(errors).length) throw new AppError('FACTS_INVALID', {}, errors);
  return decide(pack, input.facts, input.dates, input.documents);
}
