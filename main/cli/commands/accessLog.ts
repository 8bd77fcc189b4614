import { ACCESS_LOG_MAX_PAGE, type AccessLogEntry } from '../../../preload/contract/auditTypes';
import { turkeyParts } from '../../domain/turkeyTime';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

/** The words for an access event, as the office head's screen shows them. */
const ACCESS_ACTIONS: Record<string, { tr: string; en: string } | undefined> = CLI.accessLog.actions;

/** KVKK access log (office head only): who viewed, printed or exported which record, on one day. */
export const accessLogCommand: CliCommand = {
  name: 'access-log',
  summary: CLI.accessLog.summary,
  usage: CLI.accessLog.usage,
  options: ['date', 'randevu'],
  async run(ctx) {
    const date = typeof ctx.options.date === 'string' ? ctx.options.date : turkeyParts(ctx.app.now()).date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw UsageError.of(CLI.accessLog.badDate);
    const randevuNo = typeof ctx.options.randevu === 'string' ? ctx.options.randevu : undefined;
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    // Every page of the day: a command line prints the whole log (the screen loads pages on request).
    const entries: AccessLogEntry[] = [];
    for (let before: number | undefined; ; ) {
      const r = await ctx.call('audit.accessLog', { from: date, to: date, ...(randevuNo ? { randevuNo } : {}), ...(before ? { before } : {}), limit: ACCESS_LOG_MAX_PAGE });
      if (!r.ok) {
        await ctx.call('auth.logout', {});
        return printRefusal(ctx.io, r);
      }
      entries.push(...r.value.entries);
      if (r.value.next === null) break;
      before = r.value.next;
    }
    await ctx.call('auth.logout', {});
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, entries, () =>
      [
        `${CLI.accessLog.title[ctx.io.lang]} ${date}: ${entries.length}`,
        ...entries.map((e) => {
          const words = ACCESS_ACTIONS[e.action]?.[en ? 'en' : 'tr'] ?? e.action;
          return `  ${turkeyParts(new Date(e.at)).dateTime.replace('T', ' ')}  #${e.seq}  ${e.user}  ${words}  ${e.entity}`;
        }),
      ].join('\n'),
    );
  },
};
