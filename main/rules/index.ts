/**
 * Programme rules as data: rule packs (one JSON per edition), a safe evaluator of declarative
 * conditions, the pure decision, and the main/reserve lists.
 */
export { loadRulePacks, getRulePack, parseRulePack, RulePackInvalid } from './load';
export { decide, requiredDocuments, packHash, FactsInvalid } from './engine';
export { checkFacts, visibleFields } from './facts';
export { paramOn, type Facts, type DecisionDates } from './evaluate';
export { computeLists, placementOf, formatPlacement, type ListEntry } from './lists';
export type { RulePack } from './schema';
