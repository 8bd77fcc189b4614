import { addDays, format, parseISO } from 'date-fns';
import type { ZodError } from 'zod';
import { compareDays, isIsoDay } from '../domain/calendar';
import { decide, FactsInvalid } from './engine';
import type { Bilingual } from './facts';
import { fill } from '../texts';
import { DESK } from '../texts/desk';
import { PACK_SCHEMA_VERSION, rulePackSchema, type Condition, type Dated, type RulePack } from './schema';

/**
 * `pack check`: everything HQ must get right before signing a pack, each problem named by its
 * JSON path (`rules[2].condition.times`) so the author finds it. The same check runs when a
 * desk loads a pack and when the built-in packs are read, so there is one idea of a good pack.
 */
interface PackProblem {
  path: string;
  message: Bilingual;
}

export interface PackCheckResult {
  pack: RulePack | null;
  problems: PackProblem[];
}

/** A pack file larger than this is refused before it is parsed (real packs are tens of kB). */
export const PACK_MAX_BYTES = 2 * 1024 * 1024;

const pathOf = (parts: readonly PropertyKey[]): string =>
  parts.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)';

function schemaProblems(err: ZodError): PackProblem[] {
  return err.issues.map((i) => {
    const path = pathOf(i.path);
    if (i.code === 'invalid_type' && i.input === undefined) return { path, message: DESK.packCheck.fieldMissing };
    if (i.code === 'unrecognized_keys') return { path, message: fill(DESK.packCheck.unknownField, i.keys.join(', ')) };
    // An unknown condition: zod names the allowed values in English; the problem names them in both languages.
    if (i.code === 'invalid_union' && 'discriminator' in i && i.discriminator === 'op') {
      const allowed = ((i as { options?: unknown[] }).options ?? []).map(String).join(', ');
      return { path, message: fill(DESK.packCheck.unknownOpAllowed, allowed) };
    }
    if (i.code === 'invalid_union' && /op/.test(i.message)) return { path, message: fill(DESK.packCheck.unknownOp, i.message) };
    return { path, message: fill(DESK.packCheck.schemaMismatch, i.message) };
  });
}

/** Every fact a condition reads, with the condition's own path. */
function factRefs(c: Condition, at: string, out: { ref: string; path: string; cond: Condition }[]): void {
  for (const [k, v] of Object.entries(c)) {
    if (k === 'op') continue;
    if (typeof v === 'string' && /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+$/.test(v)) out.push({ ref: v, path: `${at}.${k}`, cond: c });
    if (k === 'of' && Array.isArray(v)) v.forEach((x, i) => factRefs(x as Condition, `${at}.of[${i}]`, out));
    if (k === 'cond') factRefs(v as Condition, `${at}.cond`, out);
  }
}

function conditionsOf(pack: RulePack): { cond: Condition; path: string }[] {
  const out: { cond: Condition; path: string }[] = [];
  const add = (cond: Condition | undefined, path: string) => cond && out.push({ cond, path });
  pack.facts.forEach((f, i) => add(f.when, `facts[${i}].when`));
  pack.rules.forEach((r, i) => {
    add(r.when, `rules[${i}].when`);
    add(r.condition, `rules[${i}].condition`);
  });
  pack.documents.forEach((d, i) => add(d.when, `documents[${i}].when`));
  pack.supportTypes.forEach((s, i) => add(s.when, `supportTypes[${i}].when`));
  return out;
}

function duplicates(xs: string[]): string[] {
  return [...new Set(xs.filter((x, i) => xs.indexOf(x) !== i))];
}

function referenceProblems(pack: RulePack): PackProblem[] {
  const problems: PackProblem[] = [];
  const byKey = new Map(pack.facts.map((f) => [f.key, f]));
  for (const { cond, path } of conditionsOf(pack)) {
    const refs: { ref: string; path: string; cond: Condition }[] = [];
    factRefs(cond, path, refs);
    for (const r of refs) {
      const field = byKey.get(r.ref);
      if (!field) {
        problems.push({ path: r.path, message: fill(DESK.packCheck.undeclaredFact, r.ref) });
        continue;
      }
      // An enum compared with a value it cannot hold would make the rule silently never match.
      if (field.type !== 'enum' || !field.options) continue;
      const allowed = new Set(field.options.map((o) => o.value));
      const c = r.cond;
      const values = c.op === 'eq' && r.path.endsWith('.fact') ? [c.value] : c.op === 'in' && r.path.endsWith('.fact') ? c.values : [];
      values.forEach((v, i) => {
        if (!allowed.has(String(v))) {
          const at = c.op === 'in' ? `${r.path.slice(0, -'.fact'.length)}.values[${i}]` : `${r.path.slice(0, -'.fact'.length)}.value`;
          problems.push({ path: at, message: fill(DESK.packCheck.noSuchOption, r.ref, String(v)) });
        }
      });
    }
  }
  for (const [list, what] of [
    [pack.facts.map((f) => f.key), 'facts'],
    [pack.rules.map((r) => r.code), 'rules'],
    [pack.documents.map((d) => d.code), 'documents'],
    [pack.supportTypes.map((s) => s.code), 'supportTypes'],
    [pack.provinces.map((p) => p.code), 'provinces'],
  ] as const) {
    for (const d of duplicates([...list])) problems.push({ path: what, message: fill(DESK.packCheck.declaredTwice, d) });
  }
  pack.facts.forEach((f, i) => {
    for (const d of duplicates((f.options ?? []).map((o) => o.value))) problems.push({ path: `facts[${i}].options`, message: fill(DESK.packCheck.optionTwice, d) });
  });
  if (pack.supersedes !== null && pack.supersedes >= pack.edition) {
    problems.push({ path: 'supersedes', message: fill(DESK.packCheck.supersedesNotLower, pack.supersedes, pack.edition) });
  }
  if (pack.validTo !== null && compareDays(pack.validTo, pack.validFrom) < 0) {
    problems.push({ path: 'validTo', message: DESK.packCheck.validToBeforeFrom });
  }
  return problems;
}

/** Dated tables: each period starts the day after the previous one ends, and only the last is open. */
function periodProblems(table: readonly Dated[], path: string): PackProblem[] {
  const problems: PackProblem[] = [];
  table.forEach((row, i) => {
    if (!isIsoDay(row.from) || (row.to !== null && !isIsoDay(row.to))) {
      problems.push({ path: `${path}[${i}]`, message: DESK.packCheck.notCalendarDay });
      return;
    }
    if (row.to !== null && compareDays(row.to, row.from) < 0) problems.push({ path: `${path}[${i}].to`, message: DESK.packCheck.periodEndsBeforeStart });
    if (i === 0) return;
    const prev = table[i - 1]!;
    if (prev.to === null) {
      problems.push({ path: `${path}[${i - 1}].to`, message: DESK.packCheck.openPeriodFollowed });
      return;
    }
    if (!isIsoDay(prev.to) || !isIsoDay(prev.from)) return;
    const expected = format(addDays(parseISO(prev.to), 1), 'yyyy-MM-dd');
    if (compareDays(row.from, expected) < 0) problems.push({ path: `${path}[${i}].from`, message: fill(DESK.packCheck.overlapsPrevious, prev.to) });
    else if (compareDays(row.from, expected) > 0) problems.push({ path: `${path}[${i}].from`, message: fill(DESK.packCheck.gapBetweenPeriods, expected) });
  });
  return problems;
}

function parameterProblems(pack: RulePack): PackProblem[] {
  const p = pack.parameters;
  return [
    ...periodProblems(p.minimumWage, 'parameters.minimumWage'),
    ...periodProblems(p.publishedCeilings, 'parameters.publishedCeilings'),
    ...(p.domesticMinimumWage ? periodProblems(p.domesticMinimumWage, 'parameters.domesticMinimumWage') : []),
    ...pack.supportTypes.flatMap((s, i) => periodProblems(s.amounts, `supportTypes[${i}].amounts`)),
  ];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The pack's own cases, decided by the engine exactly as a desk would. */
function exampleProblems(pack: RulePack): PackProblem[] {
  const problems: PackProblem[] = [];
  const facts = new Set(pack.facts.map((f) => f.key));
  const docs = new Set(pack.documents.map((d) => d.code));
  const rules = new Set(pack.rules.map((r) => r.code));
  pack.examples.forEach((ex, i) => {
    const at = `examples[${i}]`;
    const before = problems.length;
    for (const k of Object.keys(ex.facts)) if (!facts.has(k)) problems.push({ path: `${at}.facts.${k}`, message: DESK.packCheck.noSuchFact });
    for (const k of Object.keys(ex.documents)) if (!docs.has(k)) problems.push({ path: `${at}.documents.${k}`, message: DESK.packCheck.noSuchDocument });
    (ex.expect.failedRules ?? []).forEach((c, j) => rules.has(c) || problems.push({ path: `${at}.expect.failedRules[${j}]`, message: fill(DESK.packCheck.noSuchRule, c) }));
    (ex.expect.missingDocuments ?? []).forEach((c, j) => docs.has(c) || problems.push({ path: `${at}.expect.missingDocuments[${j}]`, message: fill(DESK.packCheck.noSuchDocumentCode, c) }));
    if (problems.length > before) return;
    let d: ReturnType<typeof decide>;
    try {
      d = decide(pack, ex.facts, ex.dates, ex.documents);
    } catch (e) {
      if (!(e instanceof FactsInvalid)) throw e;
      for (const [k, m] of Object.entries(e.fieldErrors)) problems.push({ path: `${at}.facts.${k}`, message: m });
      return;
    }
    const t = DESK.packCheck;
    const got = (label: Bilingual, want: unknown, seen: unknown) =>
      problems.push({ path: `${at}.expect`, message: { tr: t.exampleGot.tr(label.tr, JSON.stringify(want), JSON.stringify(seen)), en: t.exampleGot.en(label.en, JSON.stringify(want), JSON.stringify(seen)) } });
    if (d.outcome !== ex.expect.outcome) got(t.exampleOutcome, ex.expect.outcome, d.outcome);
    if (ex.expect.monthlyAmountCents !== undefined && d.monthlyAmountCents !== ex.expect.monthlyAmountCents) got(t.exampleMonthlyAmount, ex.expect.monthlyAmountCents, d.monthlyAmountCents);
    const failed = d.failedRules.map((r) => r.code);
    if (ex.expect.failedRules && !sameList(ex.expect.failedRules, failed)) got(t.exampleFailedRules, ex.expect.failedRules, failed);
    const missing = d.missingDocuments.map((m) => m.code);
    if (ex.expect.missingDocuments && !sameList(ex.expect.missingDocuments, missing)) got(t.exampleMissingDocuments, ex.expect.missingDocuments, missing);
  });
  return problems;
}

/** Checks an already-parsed JSON value (a built-in pack, or a file's text after JSON.parse). */
export function checkPackJson(json: unknown): PackCheckResult {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > PACK_SCHEMA_VERSION) {
    return {
      pack: null,
      problems: [{ path: 'schemaVersion', message: fill(DESK.packCheck.formatTooNew, version, PACK_SCHEMA_VERSION) }],
    };
  }
  const parsed = rulePackSchema.safeParse(json);
  if (!parsed.success) return { pack: null, problems: schemaProblems(parsed.error) };
  const pack = parsed.data;
  const structural = [...referenceProblems(pack), ...parameterProblems(pack)];
  // Examples are only decided once the pack itself holds together (the engine trusts its pack).
  const problems = structural.length ? structural : exampleProblems(pack);
  return { pack: problems.length ? null : pack, problems };
}

/** Checks a pack file's bytes: size, UTF-8 JSON, then everything above. */
export function checkPackBytes(bytes: Uint8Array): PackCheckResult {
  if (bytes.byteLength > PACK_MAX_BYTES) {
    return { pack: null, problems: [{ path: '(root)', message: fill(DESK.packCheck.fileTooLarge, bytes.byteLength, PACK_MAX_BYTES) }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : 'UTF-8';
    return { pack: null, problems: [{ path: '(root)', message: fill(DESK.packCheck.notJson, why) }] };
  }
  return checkPackJson(json);
}
