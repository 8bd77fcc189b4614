import { UsageError } from '../../../main/cli/output';
import { buildReport, reportRange } from '../../analysis/report';
import { writeTables } from '../../xlsx/writeTables';
import { printOk, trMoney, trNumber, type HqCommand } from '../command';

const FIELD_TR: Record<string, string> = {
  appointments: 'Randevu', arrived: 'Gelen', no_shows: 'Gelmeyen', cancelled: 'İptal', registrations: 'Kesin Kayıt', monthly_total_cents: 'Aylık Destek (EUR)', rejected: 'Ret', incomplete: 'Eksik Evrak',
};

export const reportCommand: HqCommand = {
  name: 'report',
  summary: {
    tr: 'Gün ya da ay için il ve program başına randevu, gelen, gelmeyen, kesin kayıt, kural koduna göre ret, aylık destek toplamı; dosyaların Özet satırlarıyla karşılaştırılır.',
    en: 'For a day or a month, per province and programme: appointments, arrivals, no-shows, registrations, refusals by rule code, monthly support; checked against the files’ Özet rows.',
  },
  usage: 'report --date yyyy-MM-dd | --month yyyy-MM [--out DOSYA.xlsx]',
  options: ['date', 'month', 'out'],
  async run(ctx) {
    const { date, month, out } = ctx.options;
    if ((date === undefined) === (month === undefined)) throw new UsageError('report için --date ya da --month (yalnız biri) gerekli.', 'report needs --date or --month (one of them).');
    const range = reportRange(date as string | undefined, month as string | undefined);
    if (!range) throw new UsageError('--date yyyy-MM-dd, --month yyyy-MM biçiminde gerçek bir tarih olmalı.', '--date must be yyyy-MM-dd, --month yyyy-MM, a real date.');
    if (out !== undefined && (typeof out !== 'string' || !out.endsWith('.xlsx'))) throw new UsageError('--out bir .xlsx dosya adı olmalı.', '--out must be an .xlsx file name.');
    const r = await buildReport(await ctx.db(), range.from, range.to);
    const en = ctx.io.lang === 'en';
    let written: string | null = null;
    if (out) {
      written = await writeTables(out, [
        {
          name: 'Rapor',
          columns: [
            { header: 'İl Kodu', kind: 'text', width: 8 }, { header: 'İl', kind: 'text', width: 14 }, { header: 'Program Kodu', kind: 'text', width: 15 },
            { header: 'Randevu', kind: 'int' }, { header: 'Gelen', kind: 'int' }, { header: 'Gelmeyen', kind: 'int' }, { header: 'İptal', kind: 'int' },
            { header: 'Kesin Kayıt', kind: 'int' }, { header: 'Ret', kind: 'int' }, { header: 'Eksik Evrak', kind: 'int' }, { header: 'Aylık Destek Toplamı (EUR)', kind: 'money', width: 24 },
          ],
          rows: r.rows.map((c) => [c.province_code, c.province_name, c.program_code, c.appointments, c.arrived, c.no_shows, c.cancelled, c.registrations, c.rejected, c.incomplete, c.monthly_total_cents]),
        },
        {
          name: 'Ret Kodları',
          columns: [{ header: 'İl Kodu', kind: 'text', width: 8 }, { header: 'Program Kodu', kind: 'text', width: 15 }, { header: 'Kural Kodu', kind: 'text', width: 24 }, { header: 'Ret', kind: 'int' }],
          rows: r.byRule.map((b) => [b.province_code, b.program_code, b.rule_code, b.refusals]),
        },
        {
          name: 'Denetim',
          columns: [{ header: 'Alan', kind: 'text', width: 24 }, { header: 'Satırlardan', kind: 'int' }, { header: 'Özet Toplamı', kind: 'int' }],
          rows: Object.keys(FIELD_TR).map((k) => [FIELD_TR[k]!, r.totals[k as keyof typeof r.totals], r.summaryTotals[k as keyof typeof r.totals]]),
        },
      ]);
    }
    const t = r.totals;
    const check = r.mismatches.length
      ? (en ? 'CHECK FAILED: the rows do not add up to the files’ Özet rows: ' : 'DENETİM BAŞARISIZ: satırlar dosyaların Özet satırlarını tutmuyor: ') +
        r.mismatches.map((m) => `${FIELD_TR[m.field]} ${m.rows} ≠ ${m.summary}`).join(', ')
      : en ? `Checked: equal to the sum of the ${r.files} files’ Özet rows.` : `Denetlendi: ${r.files} dosyanın Özet satırlarının toplamına eşit.`;
    return printOk(
      ctx.io,
      { ...r, written },
      () =>
        [
          `${range.from === range.to ? range.from : `${range.from} – ${range.to}`}`,
          ...r.rows.map((c) => `  ${c.province_code} ${c.province_name.padEnd(12)} ${c.program_code.padEnd(14)} ${en ? 'appt' : 'randevu'} ${trNumber(c.appointments)} · ${en ? 'came' : 'gelen'} ${trNumber(c.arrived)} · ${en ? 'no-show' : 'gelmeyen'} ${trNumber(c.no_shows)} · ${en ? 'reg' : 'kayıt'} ${trNumber(c.registrations)} · ${en ? 'ref' : 'ret'} ${trNumber(c.rejected)} · ${en ? 'incomplete' : 'eksik'} ${trNumber(c.incomplete)} · ${trMoney(c.monthly_total_cents)} EUR`),
          ...r.byRule.map((b) => `    ${b.province_code} ${b.program_code} ${b.rule_code}: ${trNumber(b.refusals)}`),
          `${en ? 'Total' : 'Toplam'}: ${trNumber(t.appointments)} / ${trNumber(t.arrived)} / ${trNumber(t.no_shows)} / ${trNumber(t.registrations)} / ${trNumber(t.rejected)} / ${trNumber(t.incomplete)} · ${trMoney(t.monthly_total_cents)} EUR`,
          check,
          ...(written ? [`${en ? 'Written' : 'Yazıldı'}: ${written}`] : []),
        ].join('\n'),
      r.mismatches.length ? 1 : 0,
    );
  },
};
