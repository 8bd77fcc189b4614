import { printRefusal, printValue } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: CLI.status.summary,
  usage: CLI.status.usage,
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('ledger.status', {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const v = r.value;
    const lang = ctx.io.lang;
    const t = CLI.status;
    return printValue(ctx.io, v, () =>
      [
        `${t.dataDir[lang]}: ${v.dataDir}`,
        `${t.schemaVersion[lang]}: ${v.schemaVersion}`,
        `${t.events[lang]}: ${v.events}`,
        `${t.chainHead[lang]}: #${v.chainHead.seq} ${v.chainHead.hash}`,
        `${t.users[lang]}: ${v.counts.users}`,
        `${t.appointments[lang]}: ${v.counts.appointments}`,
        `${t.registrations[lang]}: ${v.counts.registrations}`,
      ].join('\n'),
    );
  },
};
