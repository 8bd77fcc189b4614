import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

/**
 * The office head closes a day from the command line: every appointment still waiting becomes
 * GELMEDİ (one event each), through the same handler as the day screen's button. An open day
 * cannot be exported, so this is what `export` asks for first.
 */
export const closeDayCommand: CliCommand = {
  name: 'close-day',
  summary: CLI.closeDay.summary,
  usage: CLI.closeDay.usage,
  options: ['date'],
  async run(ctx) {
    const date = ctx.options.date;
    if (typeof date !== 'string') throw UsageError.of(CLI.closeDay.needsDate);
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('desk.closeDay', { date });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, r.value, () => CLI.closeDay.closed[ctx.io.lang](date, r.value.noShows));
  },
};
