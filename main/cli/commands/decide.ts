import fs from 'node:fs';
import type { ApiInput } from '../../../preload/contract/api';
import type { DecisionResult } from '../../../preload/contract/rulesTypes';
import { printValue, UsageError, type CliIO } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

/** The parts of a facts file by their Turkish (and English) names, for the messages. */
const PART_NAMES: Record<string, { tr: string; en: string } | undefined> = CLI.decide.partNames;

function partName(field: string, lang: CliIO['lang']): string {
  const named = PART_NAMES[field];
  if (named) return field === '_' ? named[lang] : `${field} (${named[lang]})`;
  if (field.startsWith('documents.')) return `${field} (${CLI.decide.document[lang]})`;
  return field.startsWith('facts.') ? field.slice('facts.'.length) : field;
}

function printDecision(io: CliIO, d: DecisionResult): number {
  const lang = io.lang;
  const t = CLI.decide;
  return printValue(io, d, () =>
    [
      `${t.decision[lang]}: ${d.outcome}   (${d.packCode}, ${d.packHash.slice(0, 12)}…)`,
      ...(d.supportType ? [`${t.support[lang]}: ${d.supportType.label[lang]} — ${((d.monthlyAmountCents ?? 0) / 100).toFixed(2).replace('.', ',')} EUR`] : []),
      ...d.failedRules.map((r) => `  ✗ ${r.code}: ${r.text[io.lang]}  [${Object.entries(r.inputs).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}]`),
      ...d.missingDocuments.map((m) => `  ${t.missing[lang]}: ${m.label[lang]}`),
    ].join('\n'),
  );
}

/**
 * Decides one application from a facts file (docs/facts.md), without the UI and without a
 * ledger, through the same handler as everything else (`rules.decide`, session-less: the rules
 * engine is pure, so no sign-in is needed and nothing is written).
 */
export const decideCommand: CliCommand = {
  name: 'decide',
  summary: CLI.decide.summary,
  usage: CLI.decide.usage,
  options: ['pack', 'pack-file'],
  async run(ctx) {
    const code = ctx.options.pack;
    const packFile = ctx.options['pack-file'];
    const file = ctx.positionals[0];
    if ((typeof code === 'string') === (typeof packFile === 'string') || !file)
      throw UsageError.of(CLI.decide.needs);
    const io = ctx.io;
    const en = io.lang === 'en';
    const lang = io.lang;
    const t = CLI.decide;
    let content: unknown;
    try {
      content = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      const why = ((e as NodeJS.ErrnoException).code === 'ENOENT' ? t.noSuchFile : t.notJson)[lang];
      io.err(`${t.unreadable[lang]}: ${file} (${why})`);
      return 1;
    }
    if (content === null || typeof content !== 'object' || Array.isArray(content)) {
      io.err(`${t.unreadable[lang]}: ${t.notObject[lang]}`);
      return 1;
    }
    // --pack names the pack (any case), --pack-file is a draft that is neither loaded nor signed;
    // the facts file holds dates, facts and documents.
    const r =
      typeof packFile === 'string'
        ? await ctx.call('rules.decideDraft', { ...content, packFile } as ApiInput<'rules.decideDraft'>)
        : await ctx.call('rules.decide', { ...content, packCode: code } as ApiInput<'rules.decide'>);
    if (r.ok) return printDecision(io, r.value);
    const e = r.error;
    if (io.json) {
      io.out(JSON.stringify({ ok: false, error: e }, null, 2));
      return 1;
    }
    if (e.code === 'PACK_UNKNOWN') {
      io.err(`${t.unknownPack[lang]}: ${code} (${String(e.params?.known ?? '')})`);
      return 1;
    }
    if (e.code === 'VALIDATION') {
      io.err(`${t.unreadable[lang]} (${file}):`);
      for (const [k, m] of Object.entries(e.fields ?? {})) io.err(`  ${partName(k, io.lang)}: ${m[io.lang]}`);
      return 1;
    }
    if (e.code === 'FACTS_INVALID' || e.code === 'PACK_INVALID') {
      if (e.code === 'PACK_INVALID') io.err(en ? e.messageEn : e.message);
      for (const [k, m] of Object.entries(e.fields ?? {})) io.err(`  ${k}: ${m[io.lang]}`);
      return 1;
    }
    io.err(`${CLI.output.refused[lang]}: ${en ? e.messageEn : e.message}`);
    return 1;
  },
};
