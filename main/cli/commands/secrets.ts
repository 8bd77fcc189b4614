import { readSecret } from '../password';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';

/** The recovery code as the window shows it: once, to be printed and locked away. */
function recoveryCodeLines(code: string, en: boolean): string[] {
  return [
    en ? 'NEW RECOVERY CODE (shown only once; print it and keep it locked away; the old code no longer works):' : 'YENİ KURTARMA KODU (yalnızca bir kez gösterilir; yazdırıp kilitli bir yerde saklayın; eski kod artık geçmez):',
    `  ${code}`,
  ];
}

export const passwordCommand: CliCommand = {
  name: 'password',
  summary: {
    tr: 'Kendi parolanızı değiştirir (mevcut parola MASA_PASSWORD, yenisi MASA_NEW_PASSWORD). Yeni anahtar yuvası eskisinin yanına yazılır, olay kaydedilir, sonra eskisi silinir.',
    en: 'Changes your own password (current in MASA_PASSWORD, new in MASA_NEW_PASSWORD). The new key slot is written beside the old one, the event recorded, then the old one retired.',
  },
  usage: 'password [--user KULLANICI]',
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const current = process.env.MASA_PASSWORD ?? '';
    const next = process.env.MASA_NEW_PASSWORD ?? '';
    if (!next) throw new UsageError('Yeni parola MASA_NEW_PASSWORD ile verilmeli.', 'The new password must be given in MASA_NEW_PASSWORD.');
    const r = await ctx.call('auth.changePassword', { currentPassword: current, newPassword: next, newPasswordRepeat: next });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, { username: r.value.username }, () => (ctx.io.lang === 'en' ? 'Password changed.' : 'Parola değiştirildi.'));
  },
};

export const recoveryCodeCommand: CliCommand = {
  name: 'recovery-code',
  summary: {
    tr: 'Yeni bir kurtarma kodu verir (birim sorumlusu); eski kod, yenisi kaydedildikten sonra geçersiz olur.',
    en: 'Issues a new recovery code (office head); the old code stops working once the new one is recorded.',
  },
  usage: 'recovery-code [--user KULLANICI]',
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('ledger.newRecoveryCode', { password: process.env.MASA_PASSWORD ?? '' });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, r.value, () => recoveryCodeLines(r.value.recoveryCode, ctx.io.lang === 'en').join('\n'));
  },
};

export const recoverCommand: CliCommand = {
  name: 'recover',
  summary: {
    tr: 'Parolası unutulan birim sorumlusu kurtarma koduyla (MASA_RECOVERY_CODE) girer: yeni parola (MASA_NEW_PASSWORD) şarttır ve yeni bir kurtarma kodu verilir; kullanılan kod bir daha geçmez.',
    en: 'An office head who forgot the password signs in with the recovery code (MASA_RECOVERY_CODE): a new password (MASA_NEW_PASSWORD) is required and a new recovery code is issued; the used code never works again.',
  },
  usage: 'recover --user KULLANICI',
  async run(ctx) {
    const username = (ctx.options.user as string | undefined) ?? process.env.MASA_USER ?? '';
    if (!username) throw new UsageError('--user KULLANICI ya da MASA_USER gerekli.', '--user USER or MASA_USER is required.');
    const newPassword = process.env.MASA_NEW_PASSWORD ?? '';
    if (!newPassword) throw new UsageError('Yeni parola MASA_NEW_PASSWORD ile verilmeli: kurtarma kodu ile girişte parola yenilenir.', 'A new password must be given in MASA_NEW_PASSWORD: signing in with the recovery code renews the password.');
    const recoveryCode = await readSecret('Kurtarma kodu / Recovery code: ', 'MASA_RECOVERY_CODE');
    const r = await ctx.call('auth.recover', { username, recoveryCode, newPassword });
    if (!r.ok) return printRefusal(ctx.io, r);
    await ctx.call('auth.logout', {});
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, { username: r.value.username, recoveryCode: r.value.recoveryCode }, () =>
      [en ? 'Signed in with the recovery code; the new password is set.' : 'Kurtarma koduyla girildi; yeni parola ayarlandı.', '', ...recoveryCodeLines(r.value.recoveryCode, en)].join('\n'),
    );
  },
};
