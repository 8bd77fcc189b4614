import { UsageError } from '../../../main/cli/output';
import { editionQuotas, nationalStandings } from '../../analysis/standings';
import { writeTables } from '../../xlsx/writeTables';
import { HqRefusal, printOk, provinceArg, trNumber, type HqCommand } from '../command';
import { fill } from '../../../main/texts';
import { HQ } from '../../texts/cli';

export const standingsCommand: HqCommand = {
  name: 'standings',
  summary: HQ.standings.summary,
  usage: HQ.standings.usage,
  options: ['pack', 'province', 'out'],
  async run(ctx) {
    const { pack, out } = ctx.options;
    if (typeof pack !== 'string' || !pack) throw UsageError.of(HQ.standings.needsPack);
    const province = ctx.options.province === undefined ? null : provinceArg(ctx.options.province);
    if (ctx.options.province !== undefined && !province) throw UsageError.of(HQ.args.province);
    if (out !== undefined && (typeof out !== 'string' || !out.endsWith('.xlsx'))) throw UsageError.of(HQ.args.outXlsx);
    const quotas = editionQuotas(pack);
    if (!quotas) throw HqRefusal.of(fill(HQ.standings.unknownEdition, pack));
    const s = await nationalStandings(await ctx.db(), pack, province, quotas);
    const lang = ctx.io.lang;
    const t = HQ.standings;
    const w = HQ.workbook;
    let written: string | null = null;
    if (out) {
      written = await writeTables(out, [
        {
          name: w.standingsSheet.tr,
          columns: [
            { header: 'İl Kodu', kind: 'text', width: 8 }, { header: w.list.tr, kind: 'text', width: 8 }, { header: w.position.tr, kind: 'int', width: 8 },
            { header: 'Kayıt No', kind: 'text', width: 22 }, { header: 'Randevu No', kind: 'text', width: 16 }, { header: 'Ön Kayıt Zamanı', kind: 'dateTime', width: 20 },
            { header: 'Anne Adı Soyadı', kind: 'text', width: 24 }, { header: 'Masa Kodu', kind: 'text', width: 10 },
          ],
          rows: s.list.map((r) => [r.province_code, (r.list === 'ASIL' ? w.main : w.reserve).tr, r.position, r.registration_no, r.randevu_no, r.pre_registered_at, r.mother_full_name, r.desk_code]),
        },
      ]);
    }
    return printOk(ctx.io, { pack, ...s, written }, () =>
      [
        ...s.provinces.map((p) => `${p.province_code}: ${t.quota[lang]} ${p.quota === null ? t.noQuota[lang] : trNumber(p.quota)} · ${t.registered[lang]} ${trNumber(p.registered)} · ${t.main[lang]} ${trNumber(p.main)} · ${t.reserve[lang]} ${trNumber(p.reserve)}`),
        ...(province ? s.list.map((r) => `  ${(r.list === 'ASIL' ? t.listMain : t.listReserve)[lang]} ${String(r.position).padStart(5)}  ${r.registration_no.padEnd(20)} ${r.pre_registered_at}`) : []),
        ...(s.list.length ? [] : [t.noneLoaded[lang](pack)]),
        ...(written ? [`${HQ.args.written[lang]}: ${written}`] : []),
      ].join('\n'),
    );
  },
};
