import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELATION_DEGREE } from '../domain/kinship';
import { decide, getRulePack, type Facts } from '.';

/**
 * The relation options count from the child's parents, but a clerk thinks of the child: each
 * label says whose relative it is ("Annenin ya da babanın annesi (çocuğun anneannesi ya da
 * babaannesi)"). The clerk picks by what she reads, so these cases choose the option by the
 * words of its label, then decide.
 */
const pack = getRulePack('EVDE-2015')!;
const field = pack.facts.find((f) => f.key === 'caregiver.relation')!;
const example = JSON.parse(fs.readFileSync('docs/examples/facts-EVDE-2015.json', 'utf8')) as { dates: { preRegistration: string; finalRegistration: string }; facts: Facts; documents: Record<string, boolean> };
const documents = { ...example.documents, VELAYET_BELGESI: true };

function optionReading(words: string): string {
  // Whole words: "anneannesi" is not "anneannesinin" (the grandmother's sister is another option).
  const re = new RegExp(`${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
  const hits = field.options!.filter((o) => re.test(o.label.tr));
  expect(hits.map((o) => o.value), `one option reads "${words}"`).toHaveLength(1);
  return hits[0]!.value;
}

function outcome(relation: string, livesInSameHome: boolean) {
  const d = decide(pack, { ...example.facts, 'caregiver.relation': relation, 'caregiver.livesInSameHome': livesInSameHome }, example.dates, documents);
  return { outcome: d.outcome, failed: d.failedRules.map((r) => r.code) };
}

describe('kinship options as the clerk reads them', () => {
  it('the clean example is a KESİN KAYIT with a not-related caregiver', () => {
    expect(outcome('YOK', true)).toEqual({ outcome: 'KESİN KAYIT', failed: [] });
  });

  const cases: { reads: string; liveIn: boolean; refused: boolean }[] = [
    // The child's grandmother, either side, is always refused (1st degree to a parent).
    { reads: 'çocuğun anneannesi', liveIn: false, refused: true },
    { reads: 'çocuğun anneannesi', liveIn: true, refused: true },
    { reads: 'babaannesi', liveIn: false, refused: true },
    { reads: 'babaannesi', liveIn: true, refused: true },
    { reads: 'çocuğun dedesi', liveIn: false, refused: true },
    // The child's aunt (teyze, hala: a parent's sister, 2nd degree): live-in refused, live-out accepted.
    { reads: 'çocuğun teyzesi', liveIn: true, refused: true },
    { reads: 'çocuğun teyzesi', liveIn: false, refused: false },
    { reads: 'halası ya da amcası', liveIn: true, refused: true },
    { reads: 'halası ya da amcası', liveIn: false, refused: false },
    // A parent's aunt (the child's grandparent's sister, 3rd degree): the same live-in / live-out rule.
    { reads: 'babaannesinin kız kardeşi', liveIn: true, refused: true },
    { reads: 'babaannesinin kız kardeşi', liveIn: false, refused: false },
    { reads: 'dedesinin kız kardeşi', liveIn: true, refused: true },
    // A parent's grandmother is the child's great-grandmother (2nd degree): live-out accepted.
    { reads: 'çocuğun büyük büyükannesi', liveIn: false, refused: false },
    { reads: 'çocuğun büyük büyükannesi', liveIn: true, refused: true },
    // The child's cousin is a parent's nephew or niece (3rd degree), not a 4th-degree cousin.
    { reads: 'çocuğun kuzeni', liveIn: true, refused: true },
    { reads: 'çocuğun kuzeni', liveIn: false, refused: false },
  ];
  it.each(cases)('"$reads", lives in: $liveIn -> refused: $refused', ({ reads, liveIn, refused }) => {
    const r = outcome(optionReading(reads), liveIn);
    expect(r).toEqual(refused ? { outcome: 'RET', failed: ['AKRABALIK'] } : { outcome: 'KESİN KAYIT', failed: [] });
  });

  it('every relative option says whose relative it is, and the degree it prints is the degree the rule counts', () => {
    for (const o of field.options!) {
      if (o.value === 'YOK' || o.value === 'DIGER') continue;
      expect(o.label.tr).toMatch(/^Annenin ya da babanın /);
      expect(o.label.en).toMatch(/^The mother's or father's /);
      const printed = Number(/— (\d)\. derece$/.exec(o.label.tr)?.[1]);
      expect(printed, o.value).toBe(RELATION_DEGREE[o.value]);
      expect(Number(/— (\d)(st|nd|rd|th) degree$/.exec(o.label.en)?.[1]), o.value).toBe(RELATION_DEGREE[o.value]);
    }
    // No option reads as a bare "Büyükanne" that a clerk would take for the child's grandmother.
    expect(field.options!.some((o) => /^Büyük(anne|baba)/i.test(o.label.tr))).toBe(false);
  });

  it('the refusal text names the child’s grandparents, in Turkish and English', () => {
    const rule = pack.rules.find((r) => r.code === 'AKRABALIK')!;
    expect(rule.text.tr).toContain('Çocuğun anneannesi, babaannesi ve dedeleri hiçbir zaman bakıcı olamaz.');
    expect(rule.text.en).toContain("The child's grandparents (on either side) can never be the caregiver.");
  });
});
