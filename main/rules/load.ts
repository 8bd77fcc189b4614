import bakici from './packs/BAKICI-2020.json';
import evde from './packs/EVDE-2015.json';
import kurumsal from './packs/KURUMSAL-2019.json';
import { checkPackJson } from './packCheck';
import type { RulePack } from './schema';

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

/**
 * Checks a pack with `pack check`'s rules (schema, references, periods, its own examples) and
 * throws the first problem, named by its JSON path.
 */
export function parseRulePack(json: unknown, source: string): RulePack {
  const { pack, problems } = checkPackJson(json);
  if (!pack) throw new RulePackInvalid(source, problems[0]!.path, problems[0]!.message.en);
  return pack;
}

// The built-in packs are the same immutable files for every app in the process: read once.
let cache: Map<string, RulePack> | null = null;

/**
 * The built-in pack files, checked like any loaded one (static JSON imports, so they travel
 * inside the Electron bundle). Which pack decides is chosen elsewhere by code, edition and dates.
 */
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
