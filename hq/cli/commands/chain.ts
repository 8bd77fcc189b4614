import { UsageError } from '../../../main/cli/output';
import { deskChains } from '../../analysis/chain';
import { chainRows } from '../../database/queries/analysis';
import { deskArg, printOk, provinceArg, say, type HqCommand } from '../command';
import { HQ } from '../../texts/cli';

export const chainCommand: HqCommand = {
  name: 'chain',
  summary: HQ.chain.summary,
  usage: HQ.chain.usage,
  options: ['province', 'desk'],
  async run(ctx) {
    const province = ctx.options.province === undefined ? null : provinceArg(ctx.options.province);
    const desk = ctx.options.desk === undefined ? null : deskArg(ctx.options.desk);
    if ((ctx.options.province !== undefined && !province) || (ctx.options.desk !== undefined && !desk)) throw UsageError.of(HQ.args.provinceAndDesk);
    if (desk && !province) throw UsageError.of(HQ.args.deskNeedsProvince);
    const chains = deskChains(await chainRows(await ctx.db(), province, desk));
    const flagged = chains.filter((c) => c.rolledBack);
    const lang = ctx.io.lang;
    return printOk(
      ctx.io,
      { desks: chains.length, flagged: flagged.length, chains },
      () =>
        [
          ...chains.flatMap((c) => [
            `${c.province_code} ${c.desk_code}${c.rolledBack ? HQ.chain.rolledBack[lang] : ''}`,
            ...c.entries.flatMap((e) => [`  ${e.day}  ${e.chain_head.slice(0, 16)}…  ${e.status.padEnd(8)} ${e.file_name}`, ...e.flags.map((f) => `      ! ${say(ctx.io, f)}`)]),
          ]),
          HQ.chain.total[lang](chains.length, flagged.length),
        ].join('\n'),
      flagged.length ? 1 : 0,
    );
  },
};
