import { printRefusal, printValue } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: CLI.verify.summary,
  usage: CLI.verify.usage,
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('ledger.verify', {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const v = r.value;
    const lang = ctx.io.lang;
    const t = CLI.verify;
    printValue(ctx.io, v, () => {
      const lines = [t.chain[lang](v.chain.ok, v.chain.checked, v.chain.headSeq), t.replay[lang](v.replay.ok)];
      if (v.chain.firstBad) {
        const problem = (t.problem as Record<string, { tr: string; en: string } | undefined>)[v.chain.firstBad.problem]?.[lang] ?? v.chain.firstBad.problem;
        lines.push(t.firstBad[lang](v.chain.firstBad.seq, problem));
      }
      for (const [table, x] of Object.entries(v.replay.tables)) if (x.mismatches) lines.push(t.tableMismatch[lang](table, x.mismatches));
      if (v.decisions) {
        lines.push(t.decisions[lang](v.decisions.checked, v.decisions.differences.length, v.decisions.erased));
        for (const d of v.decisions.differences) lines.push(t.difference[lang](d.registrationNo, d.randevuNo, d.recorded, d.now, d.pack));
      }
      return lines.join('\n');
    });
    return v.ok ? 0 : 1;
  },
};
