import path from 'node:path';
import { formatMessage } from '../../../preload/contract/errors';
import { reportError, reportTargetProblem } from '../../services/importService';
import { printAppRefusal, printRefusal, printValue, UsageError } from '../output';
import { AppError } from '../../app/appError';
import { checkOutputFile } from '../../app/outputTarget';
import type { CliCommand } from '../command';

export const importCommand: CliCommand = {
  name: 'import',
  summary: {
    tr: 'HQ randevu listesini (.xlsx / .csv) içe aktarır ve raporu yazdırır; --dry-run yalnızca denetler, --report rapor .xlsx dosyasını yazar.',
    en: "Imports HQ's appointment list (.xlsx / .csv) and prints the report; --dry-run only checks, --report writes the report .xlsx.",
  },
  usage: 'import DOSYA [--dry-run] [--report RAPOR.xlsx] [--user KULLANICI]',
  options: ['report'],
  flags: ['dry-run'],
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('import için bir dosya gerekli.', 'import needs a file.');
    // The report's destination is checked before anything is applied: a report that cannot be
    // written must not leave an import done behind an error.
    if (typeof ctx.options.report === 'string') {
      const problem = reportTargetProblem(ctx.options.report);
      if (problem) {
        const e = reportError(problem, false);
        return printRefusal(ctx.io, {
          ok: false,
          error: { code: e.code, message: formatMessage(e.code, 'tr', e.params), messageEn: formatMessage(e.code, 'en', e.params), params: e.params },
        });
      }
      try {
        checkOutputFile(ctx.app.dataDir, ctx.options.report, 'xlsx');
      } catch (err) {
        if (err instanceof AppError) return printAppRefusal(ctx.io, err);
        throw err;
      }
    }
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    // A relative name is the user's, from the folder the command runs in; main takes full paths only.
    const analysis = await ctx.call('import.analyze', { path: path.resolve(file) });
    if (!analysis.ok) {
      await ctx.call('auth.logout', {});
      return printRefusal(ctx.io, analysis);
    }
    const dry = ctx.options['dry-run'] === true;
    const applied = dry ? null : await ctx.call('import.apply', { importId: analysis.value.importId });
    if (applied && !applied.ok) {
      await ctx.call('auth.logout', {});
      return printRefusal(ctx.io, applied);
    }
    if (typeof ctx.options.report === 'string') {
      const saved = await ctx.call('import.saveReport', { importId: analysis.value.importId, to: ctx.options.report });
      if (!saved.ok) {
        await ctx.call('auth.logout', {});
        return printRefusal(ctx.io, saved);
      }
    }
    await ctx.call('auth.logout', {});
    const report = analysis.value.report;
    const c = report.counts;
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, { applied: !dry, file: analysis.value.file, report }, () =>
      [
        `${dry ? (en ? 'Checked (nothing written)' : 'Denetlendi (hiçbir şey yazılmadı)') : en ? 'Imported' : 'İçe aktarıldı'}: ${analysis.value.file.name} (${report.totalRows} ${en ? 'rows' : 'satır'})`,
        `  ${en ? 'added' : 'eklenen'} ${c.added} · ${en ? 'updated' : 'güncellenen'} ${c.updated} · ${en ? 'unchanged' : 'değişmeyen'} ${c.unchanged} · ${en ? 'cancelled' : 'iptal'} ${c.cancelled} · ${en ? 'rejected' : 'reddedilen'} ${c.rejected} · ${en ? 'skipped (other provinces)' : 'atlanan (başka il)'} ${c.skipped} · ${en ? 'kept (started at the desk)' : 'masada başlamış, dokunulmayan'} ${c.keptStarted}`,
        ...(report.unknownColumns.length ? [`  ${en ? 'ignored columns' : 'yok sayılan sütunlar'}: ${report.unknownColumns.join(', ')}`] : []),
        ...report.lines.filter((l) => l.kind === 'rejected' || l.kind === 'kept').map((l) => `  ${en ? 'row' : 'satır'} ${l.row}${l.column ? ` [${l.column}]` : ''}: ${en ? l.en : l.tr}`),
      ].join('\n'),
    );
  },
};
