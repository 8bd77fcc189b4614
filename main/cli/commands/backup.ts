import { printRefusal, printValue, UsageError } from '../output';
import { readSecret } from '../password';
import type { CliCommand } from '../command';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: {
    tr: 'Şifreli çevrim içi yedek alır (aynı şifreleme + anahtar dosyası), eski yedekleri döndürür (14 günlük, 12 aylık).',
    en: 'Takes an encrypted online backup (same encryption + key file) and rotates old ones (14 daily, 12 monthly).',
  },
  usage: 'backup [--to KLASÖR] [--user KULLANICI]',
  options: ['to'],
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const to = typeof ctx.options.to === 'string' ? ctx.options.to : undefined;
    const r = await ctx.call('backup.create', to ? { to } : {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, r.value, () =>
      [`Yedek alındı: ${r.value.dir}`, `Zincir başı: #${r.value.chainHead.seq} ${r.value.chainHead.hash}`, `Döndürülerek silinen: ${r.value.rotatedAway.length}`].join('\n'),
    );
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: {
    tr: 'Yedeği önce doğrular (dosya özetleri, bütünlük, zincir, yeniden oynatma); sonra geri yükler, mevcut dosyaları kenara ayırır.',
    en: 'Verifies the backup first (hashes, integrity, chain, replay), then restores it, keeping the current files aside.',
  },
  usage: 'restore YEDEK_KLASÖRÜ|masa.ledger [--user KULLANICI]',
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('restore needs the backup folder (or its masa.ledger)');
    const password = await readSecret('Parola / Password: ');
    const username = (ctx.options.user as string | undefined) ?? process.env.MASA_USER ?? '';
    if (!username) throw new UsageError('--user KULLANICI ya da MASA_USER gerekli / --user or MASA_USER is required');
    const signed = await ctx.call('auth.login', { username, password });
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('backup.restore', { file, password });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, r.value, () =>
      [`Geri yüklendi: ${r.value.restoredFrom}`, `Önceki dosyalar burada saklandı: ${r.value.keptAside}`, `Zincir başı: #${r.value.chainHead.seq}`].join('\n'),
    );
  },
};
