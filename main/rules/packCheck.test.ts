import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPackBytes, checkPackJson, PACK_MAX_BYTES } from './packCheck';
import { PACK_SCHEMA_VERSION } from './schema';

/** `pack check` on the real built-in pack files, each broken in one way the issue names. */
const bytesOf = (code: string) => fs.readFileSync(`main/rules/packs/${code}.json`);
const bakici = () => JSON.parse(bytesOf('BAKICI-2020').toString('utf8'));
const paths = (json: unknown) => checkPackJson(json).problems.map((p) => p.path);

describe('pack check', () => {
  it('the three built-in pack files pass, their examples decided as expected', () => {
    for (const code of ['BAKICI-2020', 'EVDE-2015', 'KURUMSAL-2019']) {
      const r = checkPackBytes(bytesOf(code));
      expect(r.problems).toEqual([]);
      expect(r.pack).toMatchObject({ code, edition: 1, schemaVersion: 1 });
      expect(r.pack!.examples.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('a truncated file is refused as not JSON', () => {
    const r = checkPackBytes(bytesOf('BAKICI-2020').subarray(0, 2000));
    expect(r.pack).toBeNull();
    expect(r.problems[0]).toMatchObject({ path: '(root)', message: { tr: expect.stringMatching(/geçerli bir JSON değil/), en: expect.stringMatching(/not valid JSON/) } });
  });

  it('a file over the size limit is refused before it is parsed', () => {
    const r = checkPackBytes(Buffer.alloc(PACK_MAX_BYTES + 1, 0x20));
    expect(r.problems[0]!.message.en).toMatch(/file too large/);
  });

  it('an unknown op is named by its path', () => {
    const p = bakici();
    p.rules[1].condition = { op: 'moreThan', fact: 'mother.grossWage' };
    const r = checkPackJson(p);
    expect(r.pack).toBeNull();
    expect(r.problems.map((x) => x.path)).toContain('rules[1].condition.op');
    // Named in Turkish and English with the operations there are, not zod's English sentence.
    const op = r.problems.find((x) => x.path === 'rules[1].condition.op')!;
    expect(op.message.tr).toMatch(/^bilinmeyen işlem \(op\); geçerli olanlar: all, any, not, eq, in, /);
    expect(op.message.en).toMatch(/^unknown operation \(op\); allowed: all, any, /);
    expect(op.message.tr).not.toMatch(/Invalid|Expected/);
  });

  it('a rule naming a missing fact is named with the field that reads it', () => {
    const p = bakici();
    const i = p.rules.findIndex((r: { condition: { fact?: string } }) => typeof r.condition.fact === 'string');
    p.rules[i].condition.fact = 'mother.nope';
    expect(checkPackJson(p).problems).toContainEqual({ path: `rules[${i}].condition.fact`, message: { tr: 'tanımlanmamış olguyu okuyor: "mother.nope"', en: 'reads undeclared fact "mother.nope"' } });
  });

  it('an enum compared with an option it does not have is refused', () => {
    const p = bakici();
    const field = p.facts.find((f: { type: string }) => f.type === 'enum');
    p.rules.push({ code: 'YENI', subject: 'mother', referenceDate: 'finalRegistration', condition: { op: 'in', fact: field.key, values: [field.options[0].value, 'YOK_BOYLE'] }, text: { tr: 'x', en: 'x' } });
    expect(paths(p)).toEqual([`rules[${p.rules.length - 1}].condition.values[1]`]);
  });

  it('overlapping and gapped parameter periods are refused, each with its path', () => {
    const p = bakici();
    p.parameters.minimumWage[3].from = '2016-12-01';
    p.parameters.domesticMinimumWage[5].from = '2019-01-05';
    expect(paths(p)).toEqual(['parameters.minimumWage[3].from', 'parameters.domesticMinimumWage[5].from']);
    const q = bakici();
    q.supportTypes[0].amounts.push({ from: '2030-01-01', to: null, amount: 1 });
    expect(paths(q)).toEqual(['supportTypes[0].amounts[0].to']);
  });

  it('a text without en is refused', () => {
    const p = bakici();
    delete p.rules[0].text.en;
    delete p.changeNote.en;
    expect(paths(p)).toEqual(['changeNote.en', 'rules[0].text.en']);
  });

  it('an example that does not decide as expected is named, with what came out', () => {
    const p = bakici();
    p.examples[0].expect.monthlyAmountCents = 99_00;
    p.examples[1].expect.outcome = 'KESİN KAYIT';
    const r = checkPackJson(p);
    expect(r.problems.map((x) => [x.path, x.message.en])).toEqual([
      ['examples[0].expect', 'monthly amount (cents): expected 9900, got 30000'],
      ['examples[1].expect', 'outcome: expected "KESİN KAYIT", got "RET"'],
    ]);
  });

  it("an example naming a document or fact the pack lacks is refused (references resolve)", () => {
    const p = bakici();
    p.examples[0].documents.NUFUS = true;
    p.examples[0].expect.failedRules = ['YOK'];
    expect(paths(p)).toEqual(['examples[0].documents.NUFUS', 'examples[0].expect.failedRules[0]']);
  });

  it('a newer schemaVersion is refused with "update the app", nothing else read', () => {
    const p = bakici();
    p.schemaVersion = PACK_SCHEMA_VERSION + 1;
    p.rules = 'not even read';
    expect(checkPackJson(p).problems).toEqual([{ path: 'schemaVersion', message: expect.objectContaining({ en: expect.stringMatching(/update the app/) }) }]);
  });

  it('supersedes must be a lower edition', () => {
    const p = bakici();
    p.supersedes = 1;
    expect(paths(p)).toEqual(['supersedes']);
  });
});
