import { printAppRefusal, printRefusal, printValue, UsageError } from '../output';
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
  summary: { tr: 'Günlük raporu PDF olarak yazar.', en: 'Writes the daily report as a PDF.' },
  usage: 'report --date yyyy-MM-dd --out RAPOR.pdf [--user KULLANICI]',
  options: ['date', 'out'],
  async run(ctx) {
    const { date, out } = ctx.options;
    if (typeof date !== 'string' || typeof out !== 'string') throw new UsageError('report için --date ve --out gerekli.', 'report needs --date and --out.');
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
    return printValue(ctx.io, { file, bytes: r.value.bytes }, () => `Günlük rapor yazıldı: ${file}`);
  },
};

export const listsCommand: CliCommand = {
  name: 'lists',
  summary: { tr: 'Asil / Yedek listesini PDF olarak yazar (T.C. Kimlik No maskeli; --full ile tam).', en: 'Writes the main/reserve list as a PDF (T.C. Kimlik No masked; --full for full).' },
  usage: 'lists --pack KOD [--province IL_KODU] --out LISTE.pdf [--full] [--user KULLANICI]',
  options: ['pack', 'province', 'out'],
  flags: ['full'],
  async run(ctx) {
    const { pack, province, out } = ctx.options;
    if (typeof pack !== 'string' || typeof out !== 'string') throw new UsageError('lists için --pack ve --out gerekli.', 'lists needs --pack and --out.');
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
    return printValue(ctx.io, { file, bytes: r.value.bytes }, () => `Asil / Yedek listesi yazıldı: ${file}`);
  },
};
