import { UsageError } from '../../../main/cli/output';
import { findDuplicates } from '../../analysis/duplicates';
import { writeTables } from '../../xlsx/writeTables';
import { dayArg, printOk, trNumber, type HqCommand } from '../command';
import { HQ } from '../../texts/cli';

export const duplicatesCommand: HqCommand = {
  name: 'duplicates',
  summary: HQ.duplicates.summary,
  usage: HQ.duplicates.usage,
  options: ['since', 'out'],
  async run(ctx) {
    const since = ctx.options.since === undefined ? null : dayArg(ctx.options.since);
    if (ctx.options.since !== undefined && !since) throw UsageError.of(HQ.duplicates.badSince);
    const out = ctx.options.out;
    if (out !== undefined && (typeof out !== 'string' || !out.endsWith('.xlsx'))) throw UsageError.of(HQ.args.outXlsx);
    const groups = await findDuplicates(await ctx.db(), since);
    const lang = ctx.io.lang;
    const w = HQ.workbook;
    let written: string | null = null;
    if (out) {
      written = await writeTables(out, [
        {
          name: 'Mükerrer',
          columns: [
            { header: w.group.tr, kind: 'int', width: 8 },
            { header: 'Tür', kind: 'text', width: 8 },
            { header: 'TC Kimlik No', kind: 'text', width: 14 },
            { header: 'İl Kodu', kind: 'text', width: 8 },
            { header: 'Masa Kodu', kind: 'text', width: 10 },
            { header: 'Program Kodu', kind: 'text', width: 15 },
            { header: 'Kayıt No', kind: 'text', width: 22 },
            { header: 'Randevu No', kind: 'text', width: 16 },
            { header: 'Anne Adı Soyadı', kind: 'text', width: 24 },
            { header: 'Kesin Kayıt Zamanı', kind: 'dateTime', width: 20 },
            { header: w.supportFrom.tr, kind: 'date', width: 14 },
            { header: w.supportTo.tr, kind: 'date', width: 14 },
            { header: 'Kaynak Dosya', kind: 'text', width: 34 },
          ],
          rows: groups.flatMap((g, i) => g.rows.map((r) => [i + 1, g.kind, g.tckn, r.province_code, r.desk_code, r.program_code, r.registration_no, r.randevu_no, r.mother_full_name, r.registered_at, r.starts, r.ends, r.file_name])),
        },
      ]);
    }
    // On the terminal: the group, where and when, never a name.
    return printOk(ctx.io, { groups: groups.length, rows: groups.reduce((s, g) => s + g.rows.length, 0), written, duplicates: groups }, () =>
      [
        ...groups.flatMap((g, i) => [
          `${i + 1}. ${g.kind} ${g.tckn}`,
          ...g.rows.map((r) => `     ${r.province_code} ${r.desk_code.padEnd(5)} ${r.program_code.padEnd(14)} ${r.registration_no.padEnd(20)} ${r.registered_at.slice(0, 10)} → ${r.ends}  ${r.file_name}`),
        ]),
        HQ.duplicates.total[lang](trNumber(groups.length), since),
        ...(written ? [`${HQ.args.written[lang]}: ${written}`] : []),
      ].join('\n'),
    );
  },
};
