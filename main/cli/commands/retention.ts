import { printRefusal, printValue } from '../output';
import type { CliCommand } from '../command';

/**
 * KVKK retention from the command line: list the records past their retention period and,
 * with --erase, erase the personal fields of all of them (docs/kvkk.md). Listing is the
 * default so that a mistyped command never destroys anything.
 */
export const retentionCommand: CliCommand = {
  name: 'retention',
  summary: {
    tr: 'Saklama süresi dolan kayıtları listeler; --erase ile hepsinin kişisel verilerini siler (imha kaydı defterde kalır).',
    en: 'Lists records past their retention period; with --erase, erases their personal data (the destruction record stays in the ledger).',
  },
  usage: 'retention [--erase] [--user KULLANICI]',
  flags: ['erase'],
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const overview = await ctx.call('retention.overview', {});
    if (!overview.ok || !ctx.options.erase || overview.value.due.length === 0) {
      await ctx.call('auth.logout', {});
      if (!overview.ok) return printRefusal(ctx.io, overview);
      return printValue(ctx.io, overview.value, () =>
        [
          `Saklama süresi dolan kayıt: ${overview.value.due.length} (bugün ${overview.value.today})`,
          ...overview.value.due.slice(0, 50).map((d) => `  ${d.randevuNo}  ${d.programCode}  son işlem ${d.lastActivity.slice(0, 10)}  silinebilir ${d.dueOn}`),
          ...(overview.value.due.length > 50 ? [`  … ve ${overview.value.due.length - 50} kayıt daha`] : []),
          `Önceki imhalar: ${overview.value.erasures.length}`,
          ...(overview.value.due.length ? ['Silmek için: npm run cli -- retention --erase'] : []),
        ].join('\n'),
      );
    }
    const r = await ctx.call('retention.erase', { records: overview.value.due.map((d) => d.randevuNo) });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, r.value, () =>
      [
        `Kişisel verileri silinen kayıt: ${r.value.records} (randevu ${r.value.appointments}, kesin kayıt ${r.value.registrations})`,
        `Arındırılan eski olay: ${r.value.redactedEvents}`,
        `İmha kaydı: defter olayı #${r.value.seq}`,
      ].join('\n'),
    );
  },
};
