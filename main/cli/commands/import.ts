import path from 'node:path';
import { formatMessage } from '../../../preload/contract/errors';
import { reportError, reportTargetProblem } from '../../services/importService';
import { printAppRefusal, printRefusal, printValue, UsageError } from '../output';
import { AppError } from '../../app/appError';
import { checkOutputFile } from '../../app/outputTarget';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

export const importCommand: CliCommand = {
  name: 'import',
  summary: CLI.import.summary,
  usage: CLI.import.usage,
  options: ['report'],
  flags: ['dry-run'],
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw UsageError.of(CLI.import.needsFile);
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
    const lang = ctx.io.lang;
    const t = CLI.import;
    return printValue(ctx.io, { applied: !dry, file: analysis.value.file, report }, () =>
      [
        `${(dry ? t.checked : t.imported)[lang]}: ${analysis.value.file.name} (${report.totalRows} ${t.rows[lang]})`,
        `  ${t.added[lang]} ${c.added} · ${t.updated[lang]} ${c.updated} · ${t.unchanged[lang]} ${c.unchanged} · ${t.cancelled[lang]} ${c.cancelled} · ${t.rejected[lang]} ${c.rejected} · ${t.skipped[lang]} ${c.skipped} · ${t.keptStarted[lang]} ${c.keptStarted}`,
        ...(report.unknownColumns.length ? [`  ${t.ignoredColumns[lang]}: ${report.unknownColumns.join(', ')}`] : []),
        ...report.lines.filter((l) => l.kind === 'rejected' || l.kind === 'kept').map((l) => `  ${t.row[lang]} ${l.row}${l.column ? ` [${l.column}]` : ''}: ${l[lang]}`),
      ].join('\n'),
    );
  },
};
