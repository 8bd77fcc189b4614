import { printRefusal, printValue } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

/**
 * KVKK retention from the command line: list the records past their retention period and,
 * with --erase, erase the personal fields of all of them (docs/kvkk.md). Listing is the
 * default so that a mistyped command never destroys anything.
 */
export const retentionCommand: CliCommand = {
  name: 'retention',
  summary: CLI.retention.summary,
  usage: CLI.retention.usage,
  flags: ['erase'],
  async run(ctx) {
    const lang = ctx.io.lang;
    const t = CLI.retention;
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const overview = await ctx.call('retention.overview', {});
    if (!overview.ok || !ctx.options.erase || overview.value.due.length === 0) {
      await ctx.call('auth.logout', {});
      if (!overview.ok) return printRefusal(ctx.io, overview);
      return printValue(ctx.io, overview.value, () =>
        [
          t.due[lang](overview.value.due.length, overview.value.today),
          ...overview.value.due.slice(0, 50).map((d) => t.dueRow[lang](d.randevuNo, d.programCode, d.lastActivity.slice(0, 10), d.dueOn)),
          ...(overview.value.due.length > 50 ? [t.more[lang](overview.value.due.length - 50)] : []),
          `${t.earlier[lang]}: ${overview.value.erasures.length}`,
          ...(overview.value.due.length ? [t.howToErase[lang]] : []),
        ].join('\n'),
      );
    }
    const r = await ctx.call('retention.erase', { records: overview.value.due.map((d) => d.randevuNo) });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, r.value, () =>
      [
        t.erased[lang](r.value.records, r.value.appointments, r.value.registrations),
        `${t.redacted[lang]}: ${r.value.redactedEvents}`,
        t.destructionRecord[lang](r.value.seq),
      ].join('\n'),
    );
  },
};
