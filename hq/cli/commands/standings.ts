import { UsageError } from '../../../main/cli/output';
import { editionQuotas, nationalStandings } from '../../analysis/standings';
import { writeTables } from '../../xlsx/writeTables';
import { HqRefusal, printOk, provinceArg, trNumber, type HqCommand } from '../command';

export const standingsCommand: HqCommand = {
  name: 'standings',
  summary: {
    tr: 'Bir programın ulusal asil/yedek sıralaması: il kontenjanına göre, ön kayıt zamanı sırasıyla (masaların listeleri gibi).',
    en: "An edition's national main/reserve standing: per province quota, in pre-registration order (as the desks' lists).",
  },
  usage: 'standings --pack KOD [--province İL] [--out DOSYA.xlsx]',
  options: ['pack', 'province', 'out'],
  async run(ctx) {
    const { pack, out } = ctx.options;
    if (typeof pack !== 'string' || !pack) throw new UsageError('standings için --pack gerekli (ör. BAKICI-2020).', 'standings needs --pack (e.g. BAKICI-2020).');
    const province = ctx.options.province === undefined ? null : provinceArg(ctx.options.province);
    if (ctx.options.province !== undefined && !province) throw new UsageError('--province 1-81 arası bir il kodu olmalı.', '--province must be a province code 1-81.');
    if (out !== undefined && (typeof out !== 'string' || !out.endsWith('.xlsx'))) throw new UsageError('--out bir .xlsx dosya adı olmalı.', '--out must be an .xlsx file name.');
    const quotas = editionQuotas(pack);
    if (!quotas) throw new HqRefusal(`Bilinmeyen program: ${pack} (kontenjanları bilinmiyor).`, `Unknown edition: ${pack} (its quotas are not known).`);
    const s = await nationalStandings(await ctx.db(), pack, province, quotas);
    const en = ctx.io.lang === 'en';
    let written: string | null = null;
    if (out) {
      written = await writeTables(out, [
        {
          name: 'Sıralama',
          columns: [
            { header: 'İl Kodu', kind: 'text', width: 8 }, { header: 'Liste', kind: 'text', width: 8 }, { header: 'Sıra', kind: 'int', width: 8 },
            { header: 'Kayıt No', kind: 'text', width: 22 }, { header: 'Randevu No', kind: 'text', width: 16 }, { header: 'Ön Kayıt Zamanı', kind: 'dateTime', width: 20 },
            { header: 'Anne Adı Soyadı', kind: 'text', width: 24 }, { header: 'Masa Kodu', kind: 'text', width: 10 },
          ],
          rows: s.list.map((r) => [r.province_code, r.list === 'ASIL' ? 'Asil' : 'Yedek', r.position, r.registration_no, r.randevu_no, r.pre_registered_at, r.mother_full_name, r.desk_code]),
        },
      ]);
    }
    return printOk(ctx.io, { pack, ...s, written }, () =>
      [
        ...s.provinces.map((p) => `${p.province_code}: ${en ? 'quota' : 'kontenjan'} ${p.quota === null ? (en ? 'none in the pack' : 'pakette yok') : trNumber(p.quota)} · ${en ? 'registered' : 'kayıtlı'} ${trNumber(p.registered)} · ${en ? 'main' : 'asil'} ${trNumber(p.main)} · ${en ? 'reserve' : 'yedek'} ${trNumber(p.reserve)}`),
        ...(province ? s.list.map((r) => `  ${r.list === 'ASIL' ? 'Asil ' : 'Yedek'} ${String(r.position).padStart(5)}  ${r.registration_no.padEnd(20)} ${r.pre_registered_at}`) : []),
        ...(s.list.length ? [] : [en ? `No registration of ${pack} is loaded.` : `${pack} için yüklü kesin kayıt yok.`]),
        ...(written ? [`${en ? 'Written' : 'Yazıldı'}: ${written}`] : []),
      ].join('\n'),
    );
  },
};
