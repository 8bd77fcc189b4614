import { UNOPENABLE_CODES } from '../../app/masaApp';
import { printRefusal, printValue, UsageError } from '../output';
import { readSecret } from '../password';
import type { CliCommand } from '../command';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: {
    tr: 'Şifreli çevrim içi yedek alır (aynı şifreleme + anahtar dosyası), eski yedekleri döndürür (14 günlük, 12 aylık), sonra yedeği tam doğrulayıp mühürler (büyük defterde birkaç dakika).',
    en: 'Takes an encrypted online backup (same encryption + key file), rotates old ones (14 daily, 12 monthly), then verifies the backup in full and seals it (a few minutes on a large ledger).',
  },
  usage: 'backup [--to KLASÖR | --set-folder KLASÖR] [--user KULLANICI]',
  options: ['to', 'set-folder'],
  async run(ctx) {
    const setFolder = typeof ctx.options['set-folder'] === 'string' ? ctx.options['set-folder'] : undefined;
    if (setFolder !== undefined && ctx.options.to !== undefined) throw new UsageError('--to ile --set-folder birlikte kullanılamaz.', '--to and --set-folder cannot be used together.');
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    if (setFolder !== undefined) {
      // Only sets where day-close and later backups go; no backup is taken now.
      const f = await ctx.call('backup.setFolder', { dir: setFolder });
      await ctx.call('auth.logout', {});
      if (!f.ok) return printRefusal(ctx.io, f);
      const en = ctx.io.lang === 'en';
      return printValue(ctx.io, f.value, () =>
        [
          en ? `Backup folder set: ${f.value.dir}` : `Yedek klasörü ayarlandı: ${f.value.dir}`,
          ...(f.value.sameDisk
            ? [en ? 'Warning: this folder is on the same disk as the ledger; a failing disk takes both. Prefer a USB disk or a network share.' : 'Uyarı: bu klasör defterle aynı diskte; disk bozulursa ikisi birden gider. USB disk ya da ağ paylaşımı tercih edin.']
            : []),
        ].join('\n'),
      );
    }
    const to = typeof ctx.options.to === 'string' ? ctx.options.to : undefined;
    const r = await ctx.call('backup.create', to ? { to } : {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const en = ctx.io.lang === 'en';
    // The window checks a new backup in the background; a command line would end before that
    // check does (and stop it), so it waits: a backup taken here is sealed when the command ends.
    if (!ctx.io.json) ctx.io.out(en ? 'Backup written; verifying it in full (a few minutes on a large ledger)…' : 'Yedek yazıldı; tam doğrulanıyor (büyük defterde birkaç dakika)…');
    const checked = (await ctx.app.backupVerifier.outcome(r.value.dir)) ?? { state: 'unverified' as const, why: 'not started' };
    const verification = checked.state === 'sealed' ? { state: 'verified' as const, at: checked.seal.verifiedAt } : checked.state === 'failed' ? { state: 'failed' as const, reason: checked.reason } : { state: 'unverified' as const };
    const said =
      checked.state === 'sealed'
        ? en ? 'Verified in full; seal written (a restore of it is quick)' : 'Tam doğrulandı; mühür yazıldı (geri yüklemesi hızlı olur)'
        : checked.state === 'failed'
          ? en ? `VERIFICATION FAILED (${checked.reason}): do not rely on this backup` : `DOĞRULAMA BAŞARISIZ (${checked.reason}): bu yedeğe güvenmeyin`
          : en ? 'Not verified (a restore checks it in full first)' : 'Doğrulanmadı (geri yüklenirken önce tam denetlenir)';
    const code = printValue(ctx.io, { ...r.value, verifying: false, verification }, () =>
      [
        `${en ? 'Backup taken' : 'Yedek alındı'}: ${r.value.dir}`,
        `${en ? 'Chain head' : 'Zincir başı'}: #${r.value.chainHead.seq} ${r.value.chainHead.hash}`,
        `${en ? 'Rotated away' : 'Döndürülerek silinen'}: ${r.value.rotatedAway.length}`,
        `${en ? 'Verification' : 'Doğrulama'}: ${said}`,
      ].join('\n'),
    );
    return checked.state === 'failed' ? 1 : code;
  },
};

/**
 * Login refusals after which the rights are proved on the backup instead: the live ledger cannot
 * be opened (not a wrong password), or there is none yet (a restore onto a new PC's empty folder).
 */
const UNOPENABLE = new Set([...UNOPENABLE_CODES, 'NOT_SET_UP']);

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: {
    tr: 'Yedeğin mührünü denetler (mühür yoksa yedeği tam doğrular: dosya özetleri, bütünlük, zincir, yeniden oynatma); sonra kopyaların özetlerini karşılaştırarak geri yükler, mevcut dosyaları kenara ayırır. Defter açılamıyorsa (bozuk defter, eksik/bozuk anahtar dosyası) ya da --by-backup / --recovery-code verilirse yetki yedeğin kendi anahtar dosyasıyla kanıtlanır (birim sorumlusu parolası ya da MASA_RECOVERY_CODE).',
    en: 'Checks the backup\'s seal (without one, verifies the backup in full: hashes, integrity, chain, replay), then restores it, comparing the digests of the copies, keeping the current files aside. If the ledger cannot be opened (damaged ledger, missing/damaged key file), or with --by-backup / --recovery-code, rights are proved on the backup\'s own key file (an office head\'s password, or MASA_RECOVERY_CODE).',
  },
  usage: 'restore YEDEK_KLASÖRÜ|masa.ledger [--user KULLANICI] [--by-backup] [--recovery-code]',
  flags: ['by-backup', 'recovery-code'],
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('restore için yedek klasörü (ya da içindeki masa.ledger) gerekli.', 'restore needs the backup folder (or its masa.ledger).');
    const done = (r: Awaited<ReturnType<typeof ctx.call<'backup.restore'>>>) => {
      if (!r.ok) return printRefusal(ctx.io, r);
      const en = ctx.io.lang === 'en';
      return printValue(ctx.io, r.value, () =>
        [
          `${en ? 'Restored' : 'Geri yüklendi'}: ${r.value.restoredFrom}`,
          `${en ? 'The previous files were kept here' : 'Önceki dosyalar burada saklandı'}: ${r.value.keptAside}`,
          `${en ? 'Chain head' : 'Zincir başı'}: #${r.value.chainHead.seq}`,
          r.value.trustedBy === 'seal'
            ? en ? 'Trusted by its seal (verified in full when it was made); the copied bytes hash to the sealed digests' : 'Mührüne güvenildi (alındığında tam doğrulanmıştı); kopyalanan baytların özetleri mühürdekilerle aynı'
            : en ? 'No seal: verified in full before the restore' : 'Mühür yok: geri yüklemeden önce tam doğrulandı',
        ].join('\n'),
      );
    };
    if (ctx.options['recovery-code']) {
      const recoveryCode = await readSecret('Kurtarma kodu / Recovery code: ', 'MASA_RECOVERY_CODE');
      return done(await ctx.call('backup.rescueRestore', { file, recoveryCode }));
    }
    const password = await readSecret('Parola / Password: ');
    const username = (ctx.options.user as string | undefined) ?? process.env.MASA_USER ?? '';
    if (!username) throw new UsageError('--user KULLANICI ya da MASA_USER gerekli.', '--user USER or MASA_USER is required.');
    if (ctx.options['by-backup']) return done(await ctx.call('backup.rescueRestore', { file, username, password }));
    const signed = await ctx.call('auth.login', { username, password });
    if (!signed.ok) {
      // The live ledger cannot be opened at all: prove the rights on the backup instead.
      if (UNOPENABLE.has(signed.error.code)) return done(await ctx.call('backup.rescueRestore', { file, username, password }));
      return printRefusal(ctx.io, signed);
    }
    const r = await ctx.call('backup.restore', { file, password });
    await ctx.call('auth.logout', {});
    return done(r);
  },
};
