import fs from 'node:fs';
import { z } from 'zod';
import { decide, FactsInvalid, getRulePack, loadRulePacks } from '../../rules';
import { printValue, UsageError } from '../output';
import type { CliCommand } from '../command';

const factsFile = z
  .object({
    dates: z.object({ preRegistration: z.string(), finalRegistration: z.string() }).strict(),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    documents: z.record(z.string(), z.boolean()).default({}),
  })
  .strict();

/**
 * Decides one application from a facts file (docs/facts.md), without the UI and without a
 * ledger: the rules engine is pure, so no sign-in is needed and nothing is written.
 */
export const decideCommand: CliCommand = {
  name: 'decide',
  summary: {
    tr: 'Bir olgu dosyasındaki başvuruyu kural paketine göre karara bağlar (docs/facts.md); hiçbir şey yazmaz.',
    en: 'Decides one application from a facts file with a rule pack (docs/facts.md); writes nothing.',
  },
  usage: 'decide --pack KOD OLGULAR.json',
  options: ['pack'],
  async run(ctx) {
    const code = ctx.options.pack;
    const file = ctx.positionals[0];
    if (typeof code !== 'string' || !file) throw new UsageError('decide needs --pack CODE and a facts file');
    const pack = getRulePack(code);
    const en = ctx.io.lang === 'en';
    if (!pack) {
      ctx.io.err(`${en ? 'Unknown pack' : 'Bilinmeyen kural paketi'}: ${code} (${[...loadRulePacks().keys()].join(', ')})`);
      return 1;
    }
    let input: z.infer<typeof factsFile>;
    try {
      input = factsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch (e) {
      ctx.io.err(`${en ? 'The facts file cannot be read' : 'Olgu dosyası okunamadı'}: ${(e as Error).message.split('\n')[0]}`);
      return 1;
    }
    try {
      const d = decide(pack, input.facts, input.dates, input.documents);
      return printValue(ctx.io, d, () =>
        [
          `${en ? 'Decision' : 'Karar'}: ${d.outcome}   (${d.packCode}, ${d.packHash.slice(0, 12)}…)`,
          ...(d.supportType ? [`${en ? 'Support' : 'Destek'}: ${d.supportType.label[ctx.io.lang]} — ${((d.monthlyAmountCents ?? 0) / 100).toFixed(2).replace('.', ',')} EUR`] : []),
          ...d.failedRules.map((r) => `  ✗ ${r.code}: ${r.text[ctx.io.lang]}  [${Object.entries(r.inputs).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}]`),
          ...d.missingDocuments.map((m) => `  ${en ? 'missing' : 'eksik'}: ${m.label[ctx.io.lang]}`),
        ].join('\n'),
      );
    } catch (e) {
      if (!(e instanceof FactsInvalid)) throw e;
      if (ctx.io.json) ctx.io.out(JSON.stringify({ ok: false, error: { code: 'FACTS_INVALID', fields: e.fieldErrors } }, null, 2));
      else for (const [k, m] of Object.entries(e.fieldErrors)) ctx.io.err(`  ${k}: ${m[ctx.io.lang]}`);
      return 1;
    }
  },
};
