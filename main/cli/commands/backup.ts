import { UNOPENABLE_CODES } from '../../app/masaApp';
import { printRefusal, printValue, UsageError } from '../output';
import { readSecret } from '../password';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: CLI.backup.summary,
  usage: CLI.backup.usage,
  options: ['to', 'set-folder'],
  async run(ctx) {
    const setFolder = typeof ctx.options['set-folder'] === 'string' ? ctx.options['set-folder'] : undefined;
    if (setFolder !== undefined && ctx.options.to !== undefined) throw UsageError.of(CLI.backup.toWithSetFolder);
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    if (setFolder !== undefined) {
      // Only sets where day-close and later backups go; no backup is taken now.
      const f = await ctx.call('backup.setFolder', { dir: setFolder });
      await ctx.call('auth.logout', {});
      if (!f.ok) return printRefusal(ctx.io, f);
      const lang = ctx.io.lang;
      return printValue(ctx.io, f.value, () =>
        [
          CLI.backup.folderSet[lang](f.value.dir),
          ...(f.value.sameDisk ? [CLI.backup.sameDisk[lang]] : []),
        ].join('\n'),
      );
    }
    const to = typeof ctx.options.to === 'string' ? ctx.options.to : undefined;
    const r = await ctx.call('backup.create', to ? { to } : {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const lang = ctx.io.lang;
    const t = CLI.backup;
    // The window checks a new backup in the background; a command line would end before that
    // check does (and stop it), so it waits: a backup taken here is sealed when the command ends.
    if (!ctx.io.json) ctx.io.out(t.verifying[lang]);
    const checked = (await ctx.app.backupVerifier.outcome(r.value.dir)) ?? { state: 'unverified' as const, why: 'not started' };
    const verification = checked.state === 'sealed' ? { state: 'verified' as const, at: checked.seal.verifiedAt } : checked.state === 'failed' ? { state: 'failed' as const, reason: checked.reason } : { state: 'unverified' as const };
    const said =
      checked.state === 'sealed'
        ? t.sealed[lang]
        : checked.state === 'failed'
          ? t.failed[lang](checked.reason)
          : t.unverified[lang];
    const code = printValue(ctx.io, { ...r.value, verifying: false, verification }, () =>
      [
        `${t.taken[lang]}: ${r.value.dir}`,
        `${t.chainHead[lang]}: #${r.value.chainHead.seq} ${r.value.chainHead.hash}`,
        `${t.rotatedAway[lang]}: ${r.value.rotatedAway.length}`,
        `${t.verification[lang]}: ${said}`,
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
  summary: CLI.restore.summary,
  usage: CLI.restore.usage,
  flags: ['by-backup', 'recovery-code'],
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw UsageError.of(CLI.restore.needsBackup);
    const done = (r: Awaited<ReturnType<typeof ctx.call<'backup.restore'>>>) => {
      if (!r.ok) return printRefusal(ctx.io, r);
      const lang = ctx.io.lang;
      const t = CLI.restore;
      return printValue(ctx.io, r.value, () =>
        [
          `${t.restored[lang]}: ${r.value.restoredFrom}`,
          `${t.keptAside[lang]}: ${r.value.keptAside}`,
          `${t.chainHead[lang]}: #${r.value.chainHead.seq}`,
          (r.value.trustedBy === 'seal' ? t.bySeal : t.noSeal)[lang],
        ].join('\n'),
      );
    };
    if (ctx.options['recovery-code']) {
      const recoveryCode = await readSecret(CLI.restore.recoveryPrompt[ctx.io.lang], 'MASA_RECOVERY_CODE');
      return done(await ctx.call('backup.rescueRestore', { file, recoveryCode }));
    }
    const password = await readSecret(CLI.help.passwordPrompt[ctx.io.lang]);
    const username = (ctx.options.user as string | undefined) ?? process.env.MASA_USER ?? '';
    if (!username) throw UsageError.of(CLI.help.userRequired);
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
