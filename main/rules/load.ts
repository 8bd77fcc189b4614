import type { ZodError } from 'zod';
import bakici from './packs/BAKICI-2020.json';
import evde from './packs/EVDE-2015.json';
import kurumsal from './packs/KURUMSAL-2019.json';
import { rulePackSchema, type Condition, type RulePack } from './schema';

export class RulePackInvalid extends Error {
  constructor(
    readonly source: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${source}: ${path}: ${problem}`);
    this.name = 'RulePackInvalid';
  }
}

function firstIssue(err: ZodError): { path: string; message: string } {
  const i = err.issues[0]!;
  const path = i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return { path: path || '(root)', message: i.message };
}

function refsOf(c: Condition, out: Set<string>): void {
  for (const [k, v] of Object.entries(c)) {
    if (k === 'op') continue;
    if (typeof v === 'string' && /^[a-z][A-Za-z0-9]*\.[A-Za-z0-9.]+$/.test(v)) out.add(v);
    if (k === 'of' && Array.isArray(v)) for (const x of v) refsOf(x as Condition, out);
    if (k === 'cond') refsOf(v as Condition, out);
  }
}

/**
 * Checks a pack: the zod schema (a bad field is named by its path), then that every fact a
 * condition reads is declared in the pack's facts, so a typo cannot make a rule silently fail.
 */
export function parseRulePack(json: unknown, source: string): RulePack {
  const r = rulePackSchema.safeParse(json);
  if (!r.success) {
    const { path, message } = firstIssue(r.error);
    throw new RulePackInvalid(source, path, message);
  }
  const pack = r.data;
  const declared = new Set(pack.facts.map((f) => f.key));
  const check = (c: Condition | undefined, where: string) => {
    if (!c) return;
    const refs = new Set<string>();
    refsOf(c, refs);
    for (const ref of refs) if (!declared.has(ref)) throw new RulePackInvalid(source, where, `reads undeclared fact "${ref}"`);
  };
  pack.facts.forEach((f, i) => check(f.when, `facts[${i}].when`));
  pack.rules.forEach((x, i) => {
    check(x.when, `rules[${i}].when`);
    check(x.condition, `rules[${i}].condition`);
  });
  pack.documents.forEach((d, i) => check(d.when, `documents[${i}].when`));
  pack.supportTypes.forEach((s, i) => check(s.when, `supportTypes[${i}].when`));
  const dup = (xs: string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const d1 = dup(pack.facts.map((f) => f.key));
  if (d1) throw new RulePackInvalid(source, 'facts', `fact "${d1}" declared twice`);
  const d2 = dup(pack.rules.map((x) => x.code));
  if (d2) throw new RulePackInvalid(source, 'rules', `rule "${d2}" declared twice`);
  return pack;
}

let cache: Map<string, RulePack> | null = null;

/** The bundled packs (static JSON imports, so they travel inside the Electron bundle). */
export function loadRulePacks(): Map<string, RulePack> {
  if (!cache) {
    cache = new Map();
    for (const [json, name] of [
      [evde, 'EVDE-2015.json'],
      [kurumsal, 'KURUMSAL-2019.json'],
      [bakici, 'BAKICI-2020.json'],
    ] as const) {
      const p = parseRulePack(json, name);
      cache.set(p.code, p);
    }
  }
  return cache;
}

export function getRulePack(code: string): RulePack | undefined {
  return loadRulePacks().get(code);
}
