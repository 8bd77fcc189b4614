import { printAppRefusal, printRefusal, printValue, UsageError } from '../output';
import { CLI } from '../../texts/cli';
import type { CliCommand } from '../command';
import type { PrintedDocument } from '../../../preload/contract/printTypes';
import { AppError } from '../../app/appError';
import { checkOutputFile, writeOutputFile } from '../../app/outputTarget';
import type { CliContext } from '../command';

/** Refuses the destination before signing in: nothing is signed, rendered or written for a bad --out. */
export function refusedTarget(ctx: CliContext, out: string): number | null {
  try {
    checkOutputFile(ctx.app.dataDir, out, 'pdf');
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return printAppRefusal(ctx.io, err);
  }
}

export function save(ctx: CliContext, out: string, doc: PrintedDocument): { file: string } | { refused: number } {
  try {
    return { file: writeOutputFile(ctx.app.dataDir, out, Buffer.from(doc.pdfBase64, 'base64'), 'pdf') };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { refused: printAppRefusal(ctx.io, err) };
  }
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: CLI.print.reportSummary,
  usage: CLI.print.reportUsage,
  options: ['date', 'out'],
  async run(ctx) {
    const { date, out } = ctx.options;
    if (typeof date !== 'string' || typeof out !== 'string') throw UsageError.of(CLI.print.reportNeeds);
    const refused = refusedTarget(ctx, out);
    if (refused !== null) return refused;
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('print.dailyReport', { date });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const saved = save(ctx, out, r.value);
    if ('refused' in saved) return saved.refused;
    const file = saved.file;
    return printValue(ctx.io, { file, bytes: r.value.bytes }, () => `${CLI.print.reportWritten[ctx.io.lang]}: ${file}`);
  },
};

export const listsCommand: CliCommand = {
  name: 'lists',
  summary: CLI.print.listsSummary,
  usage: CLI.print.listsUsage,
  options: ['pack', 'province', 'out'],
  flags: ['full'],
  async run(ctx) {
    const { pack, province, out } = ctx.options;
    if (typeof pack !== 'string' || typeof out !== 'string') throw UsageError.of(CLI.print.listsNeeds);
    const refused = refusedTarget(ctx, out);
    if (refused !== null) return refused;
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('print.placementList', { programCode: pack, ...(typeof province === 'string' ? { provinceCode: province } : {}), maskTckn: ctx.options.full !== true });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const saved = save(ctx, out, r.value);
    if ('refused' in saved) return saved.refused;
    const file = saved.file;
    return printValue(ctx.io, { file, bytes: r.value.bytes }, () => `${CLI.print.listsWritten[ctx.io.lang]}: ${file}`);
  },
};
