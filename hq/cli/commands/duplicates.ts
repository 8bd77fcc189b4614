import { UsageError } from '../../../main/cli/output';
import { findDuplicates } from '../../analysis/duplicates';
import { writeTables } from '../../xlsx/writeTables';
import { dayArg, printOk, trNumber, type HqCommand } from '../command';

export const duplicatesCommand: HqCommand = {
  name: 'duplicates',
  summary: {
    tr: 'Aynı anne ya da çocuk için destek dönemleri çakışan iki KESİN KAYIT (iki masa, il ya da program): her satır, gruplanmış.',
    en: 'The same mother or child with two KESİN KAYIT whose support periods overlap (two desks, provinces or programmes): every row, grouped.',
  },
  usage: 'duplicates [--since yyyy-MM-dd] [--out DOSYA.xlsx]',
  options: ['since', 'out'],
  async run(ctx) {
    const since = ctx.options.since === undefined ? null : dayArg(ctx.options.since);
    if (ctx.options.since !== undefined && !since) throw new UsageError('--since yyyy-MM-dd biçiminde gerçek bir tarih olmalı.', '--since must be a real date, yyyy-MM-dd.');
    const out = ctx.options.out;
    if (out !== undefined && (typeof out !== 'string' || !out.endsWith('.xlsx'))) throw new UsageError('--out bir .xlsx dosya adı olmalı.', '--out must be an .xlsx file name.');
    const groups = await findDuplicates(await ctx.db(), since);
    const en = ctx.io.lang === 'en';
    let written: string | null = null;
    if (out) {
      written = await writeTables(out, [
        {
          name: 'Mükerrer',
          columns: [
            { header: 'Grup', kind: 'int', width: 8 },
            { header: 'Tür', kind: 'text', width: 8 },
            { header: 'TC Kimlik No', kind: 'text', width: 14 },
            { header: 'İl Kodu', kind: 'text', width: 8 },
            { header: 'Masa Kodu', kind: 'text', width: 10 },
            { header: 'Program Kodu', kind: 'text', width: 15 },
            { header: 'Kayıt No', kind: 'text', width: 22 },
            { header: 'Randevu No', kind: 'text', width: 16 },
            { header: 'Anne Adı Soyadı', kind: 'text', width: 24 },
            { header: 'Kesin Kayıt Zamanı', kind: 'dateTime', width: 20 },
            { header: 'Destek Başlangıcı', kind: 'date', width: 14 },
            { header: 'Destek Bitişi', kind: 'date', width: 14 },
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
        en ? `${trNumber(groups.length)} duplicate groups${since ? ` since ${since}` : ''}.` : `${trNumber(groups.length)} mükerrer grup${since ? ` (${since} ve sonrası)` : ''}.`,
        ...(written ? [`${en ? 'Written' : 'Yazıldı'}: ${written}`] : []),
      ].join('\n'),
    );
  },
};
