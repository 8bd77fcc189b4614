import { printRefusal, printValue } from '../output';
import type { CliCommand } from '../command';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: { tr: 'Sayılar, şema sürümü ve defter zinciri başı.', en: 'Counts, schema version and ledger chain head.' },
  usage: 'status [--user KULLANICI]',
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('ledger.status', {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const v = r.value;
    return printValue(ctx.io, v, () =>
      [
        `Veri klasörü     : ${v.dataDir}`,
        `Şema sürümü      : ${v.schemaVersion}`,
        `Olay sayısı      : ${v.events}`,
        `Zincir başı      : #${v.chainHead.seq} ${v.chainHead.hash}`,
        `Kullanıcılar     : ${v.counts.users}`,
        `Randevular       : ${v.counts.appointments}`,
        `Kesin kayıtlar   : ${v.counts.registrations}`,
      ].join('\n'),
    );
  },
};
