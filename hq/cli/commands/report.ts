import { UsageError } from '../../../main/cli/output';
import { buildReport, reportRange } from '../../analysis/report';
import { writeTables } from '../../xlsx/writeTables';
import { printOk, trMoney, trNumber, type HqCommand } from '../command';
import { HQ } from '../../texts/cli';

/** The Denetim sheet's rows: the contract's Özet field each total is checked against. */
const FIELD_TR: Record<string, string> = {
  appointments: HQ.workbook.appointments.tr,
  arrived: 'Gelen',
  no_shows: 'Gelmeyen',
  cancelled: 'İptal',
  registrations: 'Kesin Kayıt',
  monthly_total_cents: HQ.workbook.monthlySupport.tr,
  rejected: 'Ret',
  incomplete: 'Eksik Evrak',
};

export const reportCommand: HqCommand = {
  name: 'report',
  summary: HQ.report.summary,
  usage: HQ.report.usage,
  options: ['date', 'month', 'out'],
  async run(ctx) {
    const { date, month, out } = ctx.options;
    if ((date === undefined) === (month === undefined)) throw UsageError.of(HQ.report.needsOne);
    const range = reportRange(date as string | undefined, month as string | undefined);
    if (!range) throw UsageError.of(HQ.report.badRange);
    if (out !== undefined && (typeof out !== 'string' || !out.endsWith('.xlsx'))) throw UsageError.of(HQ.args.outXlsx);
    const r = await buildReport(await ctx.db(), range.from, range.to);
    const lang = ctx.io.lang;
    const w = HQ.workbook;
    const rt = HQ.report;
    let written: string | null = null;
    if (out) {
      written = await writeTables(out, [
        {
          name: w.reportSheet.tr,
          columns: [
            { header: 'İl Kodu', kind: 'text', width: 8 }, { header: 'İl', kind: 'text', width: 14 }, { header: 'Program Kodu', kind: 'text', width: 15 },
            { header: w.appointments.tr, kind: 'int' }, { header: 'Gelen', kind: 'int' }, { header: 'Gelmeyen', kind: 'int' }, { header: 'İptal', kind: 'int' },
            { header: 'Kesin Kayıt', kind: 'int' }, { header: 'Ret', kind: 'int' }, { header: 'Eksik Evrak', kind: 'int' }, { header: 'Aylık Destek Toplamı (EUR)', kind: 'money', width: 24 },
          ],
          rows: r.rows.map((c) => [c.province_code, c.province_name, c.program_code, c.appointments, c.arrived, c.no_shows, c.cancelled, c.registrations, c.rejected, c.incomplete, c.monthly_total_cents]),
        },
        {
          name: w.ruleCodesSheet.tr,
          columns: [{ header: 'İl Kodu', kind: 'text', width: 8 }, { header: 'Program Kodu', kind: 'text', width: 15 }, { header: w.ruleCode.tr, kind: 'text', width: 24 }, { header: 'Ret', kind: 'int' }],
          rows: r.byRule.map((b) => [b.province_code, b.program_code, b.rule_code, b.refusals]),
        },
        {
          name: w.checkSheet.tr,
          columns: [{ header: 'Alan', kind: 'text', width: 24 }, { header: w.fromRows.tr, kind: 'int' }, { header: w.summaryTotal.tr, kind: 'int' }],
          rows: Object.keys(FIELD_TR).map((k) => [FIELD_TR[k]!, r.totals[k as keyof typeof r.totals], r.summaryTotals[k as keyof typeof r.totals]]),
        },
      ]);
    }
    const t = r.totals;
    const check = r.mismatches.length
      ? rt.checkFailed[lang] +
        r.mismatches.map((m) => `${FIELD_TR[m.field]} ${m.rows} ≠ ${m.summary}`).join(', ')
      : rt.checked[lang](r.files);
    return printOk(
      ctx.io,
      { ...r, written },
      () =>
        [
          `${range.from === range.to ? range.from : `${range.from} – ${range.to}`}`,
          ...r.rows.map((c) => `  ${c.province_code} ${c.province_name.padEnd(12)} ${c.program_code.padEnd(14)} ${rt.appointments[lang]} ${trNumber(c.appointments)} · ${rt.arrived[lang]} ${trNumber(c.arrived)} · ${rt.noShows[lang]} ${trNumber(c.no_shows)} · ${rt.registrations[lang]} ${trNumber(c.registrations)} · ${rt.rejected[lang]} ${trNumber(c.rejected)} · ${rt.incomplete[lang]} ${trNumber(c.incomplete)} · ${trMoney(c.monthly_total_cents)} EUR`),
          ...r.byRule.map((b) => `    ${b.province_code} ${b.program_code} ${b.rule_code}: ${trNumber(b.refusals)}`),
          `${rt.total[lang]}: ${trNumber(t.appointments)} / ${trNumber(t.arrived)} / ${trNumber(t.no_shows)} / ${trNumber(t.registrations)} / ${trNumber(t.rejected)} / ${trNumber(t.incomplete)} · ${trMoney(t.monthly_total_cents)} EUR`,
          check,
          ...(written ? [`${HQ.args.written[lang]}: ${written}`] : []),
        ].join('\n'),
      r.mismatches.length ? 1 : 0,
    );
  },
};
