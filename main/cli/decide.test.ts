import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../database/testing/fixtures';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import { runCli } from './index';

/** `npm run cli -- decide` in this process: the real command, the real handler table, real files. */
const dir = tempDir('masa-decide-');
async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const example = (code: string) => JSON.parse(fs.readFileSync(path.join('docs', 'examples', `facts-${code}.json`), 'utf8'));
function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

beforeAll(() => {
  process.env.MASA_DATA_DIR = tempDir('masa-decide-data-');
  process.env.MASA_LOG = 'silent';
});

describe('decide goes through the handler table (rules.decide)', () => {
  it('the CLI prints what dispatch answers, without a session; the data folder stays empty', async () => {
    const facts = example('BAKICI-2020');
    const app = new MasaApp({ dataDir: tempDir('masa-decide-app-') });
    const direct = await dispatch(app, 'rules.decide', { packCode: 'BAKICI-2020', ...facts });
    app.shutdown();
    expect(direct).toMatchObject({ ok: true, value: { outcome: 'KESİN KAYIT', monthlyAmountCents: 325_00, packCode: 'BAKICI-2020' } });
    const r = await cli(['decide', '--pack', 'BAKICI-2020', file('bakici.json', facts), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(direct);
    expect(fs.readdirSync(process.env.MASA_DATA_DIR!)).toEqual([]);
  });

  it('the command holds no rule logic: it reads the file and calls the handler (one code path)', () => {
    const src = fs.readFileSync('main/cli/commands/decide.ts', 'utf8');
    expect(src).not.toMatch(/from '\.\.\/\.\.\/rules'/);
    expect(src).toContain("ctx.call('rules.decide'");
  });

  it('keeps the human output and exit codes of the three examples', async () => {
    const evde = await cli(['decide', '--pack', 'EVDE-2015', 'docs/examples/facts-EVDE-2015.json']);
    expect(evde.code).toBe(0);
    expect(evde.out).toMatch(/^Karar: EKSİK EVRAK {3}\(EVDE-2015, [0-9a-f]{12}…\)/);
    expect(evde.out).toContain('eksik: Velayet belgesi');
    const kurumsal = await cli(['decide', '--pack', 'KURUMSAL-2019', 'docs/examples/facts-KURUMSAL-2019.json', '--lang', 'en']);
    expect(kurumsal.code).toBe(0);
    expect(kurumsal.out).toContain('Decision: KESİN KAYIT');
    expect(kurumsal.out).toContain('100,00 EUR');
    expect((await cli(['decide', 'docs/examples/facts-KURUMSAL-2019.json'])).code).toBe(2);
  });

  it('a pack code matches in any case (evde-2015, bakici-2020: never tr-TR BAKİCİ)', async () => {
    const evde = await cli(['decide', '--pack', 'evde-2015', 'docs/examples/facts-EVDE-2015.json']);
    expect(evde.code).toBe(0);
    expect(evde.out).toContain('(EVDE-2015,');
    const bakici = await cli(['decide', '--pack', 'Bakici-2020', 'docs/examples/facts-BAKICI-2020.json']);
    expect(bakici.code).toBe(0);
    expect(bakici.out).toContain('325,00 EUR');
  });

  it('a refusal carries no support type and no amount, in --json and in the human output', async () => {
    const facts = example('BAKICI-2020');
    const refused = file('bakici-ret.json', { ...facts, facts: { ...facts.facts, 'caregiver.trainingCertificate': false } });
    const json = await cli(['decide', '--pack', 'BAKICI-2020', refused, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, value: { outcome: 'RET', supportType: null, monthlyAmountCents: null } });
    const human = await cli(['decide', '--pack', 'BAKICI-2020', refused]);
    expect(human.out).toMatch(/^Karar: RET/);
    expect(human.out).not.toMatch(/Destek|EUR/);
  });

  it('an unknown pack is refused with the bundled ones named (exit 1)', async () => {
    const r = await cli(['decide', '--pack', 'EVDE-2099', 'docs/examples/facts-EVDE-2015.json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('Bilinmeyen kural paketi: EVDE-2099 (EVDE-2015, KURUMSAL-2019, BAKICI-2020)');
  });
});

describe('the facts file is checked as it is written', () => {
  it('a dd.MM.yyyy final registration day is refused (no bogus RET with 325 EUR), Turkish and English', async () => {
    const bad = file('tr-date.json', { ...example('BAKICI-2020'), dates: { preRegistration: '2020-09-01T11:00:00', finalRegistration: '31.12.2020' } });
    const tr = await cli(['decide', '--pack', 'BAKICI-2020', bad]);
    expect(tr.code).toBe(1);
    expect(tr.out).toBe('');
    expect(tr.err).toContain('dates.finalRegistration (kesin kayıt tarihi): yyyy-aa-gg biçiminde gerçek bir tarih olmalı (ör. 2020-12-31); gg.aa.yyyy kabul edilmez.');
    const en = await cli(['decide', '--pack', 'BAKICI-2020', bad, '--lang', 'en']);
    expect(en.err).toContain('dates.finalRegistration (final registration day): Must be a real date written yyyy-MM-dd (e.g. 2020-12-31); dd.MM.yyyy is not accepted.');
    const json = await cli(['decide', '--pack', 'BAKICI-2020', bad, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'dates.finalRegistration': { tr: expect.stringContaining('yyyy-aa-gg') } } } });
  });

  it('an impossible day (2021-02-29) and a pre-registration without its time are refused', async () => {
    const bad = file('feb29.json', { ...example('BAKICI-2020'), dates: { preRegistration: '2020-09-01', finalRegistration: '2021-02-29' } });
    const r = await cli(['decide', '--pack', 'BAKICI-2020', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('dates.finalRegistration (kesin kayıt tarihi): yyyy-aa-gg biçiminde gerçek bir tarih olmalı');
    expect(r.err).toContain('dates.preRegistration (ön kayıt zamanı): yyyy-aa-ggTSS:dd:ss biçiminde gerçek bir tarih ve saat olmalı');
  });

  it('a missing "dates" (or one of its days) is named, not "Olgu dosyası okunamadı: ["', async () => {
    const { dates: _dates, ...noDates } = example('BAKICI-2020');
    const r = await cli(['decide', '--pack', 'BAKICI-2020', file('nodates.json', noDates)]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain(': [');
    expect(r.err).toContain('dates (tarihler): Bu alan zorunludur.');
    const half = await cli(['decide', '--pack', 'BAKICI-2020', file('half.json', { ...noDates, dates: { preRegistration: '2020-09-01T11:00:00' } }), '--lang', 'en']);
    expect(half.err).toContain('dates.finalRegistration (final registration day): This field is required.');
  });

  it('unknown parts, a non-boolean document and a file that is not JSON are explained', async () => {
    const r = await cli(['decide', '--pack', 'BAKICI-2020', file('extra.json', { ...example('BAKICI-2020'), fact: {}, documents: { KIMLIK_ANNE: 'evet' } })]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('olgu dosyası: Olgu dosyasında yalnızca "dates", "facts" ve "documents" alanları olabilir');
    expect(r.err).toContain('documents.KIMLIK_ANNE (belge): true ya da false olmalı.');
    const notJson = await cli(['decide', '--pack', 'BAKICI-2020', file('broken.json', '{ "dates": ')]);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('Olgu dosyası okunamadı: ');
    expect(notJson.err).toContain('(geçerli JSON değil)');
  });

  it('a date fact as dd.MM.yyyy and money as "3.577,50" get the accepted form as a hint (not "Tutar 0 ya da daha büyük olmalı")', async () => {
    const facts = example('BAKICI-2020');
    const bad = file('money.json', { ...facts, facts: { ...facts.facts, 'caregiver.monthlyWage': '3.577,50', 'child.birthDate': '10.03.2020' } });
    const tr = await cli(['decide', '--pack', 'BAKICI-2020', bad]);
    expect(tr.code).toBe(1);
    expect(tr.err).toContain('caregiver.monthlyWage: Tutar kuruş cinsinden bir tam sayı olarak yazılmalı: "3.577,50" TL için 357750.');
    expect(tr.err).toContain('child.birthDate: Tarih yyyy-aa-gg biçiminde yazılmalı: "10.03.2020" yerine "2020-03-10".');
    expect(tr.err).not.toContain('gg.aa.yyyy');
    expect(tr.err).not.toContain('Tutar 0 ya da daha büyük olmalı');
    const en = await cli(['decide', '--pack', 'BAKICI-2020', bad, '--lang', 'en']);
    expect(en.err).toContain('caregiver.monthlyWage: Write the amount as a whole number of kuruş: 357750 for "3.577,50" TL.');
    expect(en.err).toContain('child.birthDate: Write the date as yyyy-MM-dd: "2020-03-10" instead of "10.03.2020".');
    const json = await cli(['decide', '--pack', 'BAKICI-2020', bad, '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'FACTS_INVALID', fields: { 'caregiver.monthlyWage': { tr: expect.stringContaining('357750') } } } });
  });
});
