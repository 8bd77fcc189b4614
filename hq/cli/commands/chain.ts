import { UsageError } from '../../../main/cli/output';
import { deskChains } from '../../analysis/chain';
import { chainRows } from '../../database/queries/analysis';
import { deskArg, printOk, provinceArg, say, type HqCommand } from '../command';

export const chainCommand: HqCommand = {
  name: 'chain',
  summary: {
    tr: 'Masa başına günlerin Defter Zinciri Başı sırası; defterini geri almış görünen masayı işaretler.',
    en: "Per desk, the days' Defter Zinciri Başı in order; flags a desk that appears to have rolled back its ledger.",
  },
  usage: 'chain [--province İL --desk MASA]',
  options: ['province', 'desk'],
  async run(ctx) {
    const province = ctx.options.province === undefined ? null : provinceArg(ctx.options.province);
    const desk = ctx.options.desk === undefined ? null : deskArg(ctx.options.desk);
    if ((ctx.options.province !== undefined && !province) || (ctx.options.desk !== undefined && !desk)) throw new UsageError('--province 1-81, --desk ör. M01 olmalı.', '--province must be 1-81, --desk e.g. M01.');
    if (desk && !province) throw new UsageError('--desk ile birlikte --province de gerekli (masa kodları illerde tekrar eder).', '--desk needs --province too (desk codes repeat across provinces).');
    const chains = deskChains(await chainRows(await ctx.db(), province, desk));
    const flagged = chains.filter((c) => c.rolledBack);
    const en = ctx.io.lang === 'en';
    return printOk(
      ctx.io,
      { desks: chains.length, flagged: flagged.length, chains },
      () =>
        [
          ...chains.flatMap((c) => [
            `${c.province_code} ${c.desk_code}${c.rolledBack ? (en ? '  ⚠ LEDGER ROLLED BACK?' : '  ⚠ DEFTER GERİ ALINMIŞ OLABİLİR') : ''}`,
            ...c.entries.flatMap((e) => [`  ${e.day}  ${e.chain_head.slice(0, 16)}…  ${e.status.padEnd(8)} ${e.file_name}`, ...e.flags.map((f) => `      ! ${say(ctx.io, f)}`)]),
          ]),
          en ? `${chains.length} desks, ${flagged.length} flagged.` : `${chains.length} masa, ${flagged.length} işaretli.`,
        ].join('\n'),
      flagged.length ? 1 : 0,
    );
  },
};
