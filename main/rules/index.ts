/**
 * Programme rules as data: rule packs (one JSON per edition), a safe evaluator of declarative
 * conditions, the pure decision, and the main/reserve lists.
 */
export { loadRulePacks, getRulePack, parseRulePack, RulePackInvalid } from './load';
export { decide, requiredDocuments, packHash, FactsInvalid, type Decision, type Outcome } from './engine';
export { checkFacts, visibleFields, effectiveFacts, type Bilingual, type FactsSource } from './facts';
export { paramOn, type Facts, type FactValue, type DecisionDates } from './evaluate';
export { computeLists, placementOf, formatPlacement, type ListEntry, type LeftEvent, type Placement } from './lists';
export type { RulePack, FactField, Condition } from './schema';
