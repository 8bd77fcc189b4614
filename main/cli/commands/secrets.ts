import { readSecret } from '../password';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

/** The recovery code as the window shows it: once, to be printed and locked away. */
function recoveryCodeLines(code: string, en: boolean): string[] {
  return [
    CLI.secrets.newRecoveryCode[en ? 'en' : 'tr'],
    `  ${code}`,
  ];
}

export const passwordCommand: CliCommand = {
  name: 'password',
  summary: CLI.secrets.passwordSummary,
  usage: CLI.secrets.passwordUsage,
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const current = process.env.MASA_PASSWORD ?? '';
    const next = process.env.MASA_NEW_PASSWORD ?? '';
    if (!next) throw UsageError.of(CLI.secrets.newPasswordNeeded);
    const r = await ctx.call('auth.changePassword', { currentPassword: current, newPassword: next, newPasswordRepeat: next });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    return printValue(ctx.io, { username: r.value.username }, () => CLI.secrets.passwordChanged[ctx.io.lang]);
  },
};

export const recoveryCodeCommand: CliCommand = {
  name: 'recovery-code',
  summary: CLI.secrets.recoveryCodeSummary,
  usage: CLI.secrets.recoveryCodeUsage,
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
  summary: CLI.secrets.recoverSummary,
  usage: CLI.secrets.recoverUsage,
  async run(ctx) {
    const username = (ctx.options.user as string | undefined) ?? process.env.MASA_USER ?? '';
    if (!username) throw UsageError.of(CLI.help.userRequired);
    const newPassword = process.env.MASA_NEW_PASSWORD ?? '';
    if (!newPassword) throw UsageError.of(CLI.secrets.recoverNeedsPassword);
    const recoveryCode = await readSecret(CLI.restore.recoveryPrompt[ctx.io.lang], 'MASA_RECOVERY_CODE');
    const r = await ctx.call('auth.recover', { username, recoveryCode, newPassword });
    if (!r.ok) return printRefusal(ctx.io, r);
    await ctx.call('auth.logout', {});
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, { username: r.value.username, recoveryCode: r.value.recoveryCode }, () =>
      [CLI.secrets.recovered[ctx.io.lang], '', ...recoveryCodeLines(r.value.recoveryCode, en)].join('\n'),
    );
  },
};
