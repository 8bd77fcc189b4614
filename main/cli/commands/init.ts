import { readSecret } from '../password';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';
import { CLI } from '../../texts/cli';

export const initCommand: CliCommand = {
  name: 'init',
  summary: CLI.init.summary,
  usage: CLI.init.usage,
  options: ['username', 'name', 'province', 'desk'],
  async run(ctx) {
    const { username, name, province, desk } = ctx.options;
    if (typeof username !== 'string' || typeof name !== 'string' || typeof province !== 'string' || typeof desk !== 'string') {
      throw UsageError.of(CLI.init.needs);
    }
    const password = await readSecret(CLI.help.passwordPrompt[ctx.io.lang]);
    const r = await ctx.call('setup.create', {
      username,
      displayName: name,
      password,
      passwordRepeat: password,
      provinceCode: province,
      deskCode: desk,
    });
    if (!r.ok) return printRefusal(ctx.io, r);
    await ctx.call('auth.logout', {});
    return printValue(ctx.io, { recoveryCode: r.value.recoveryCode, dataDir: ctx.app.dataDir, username: r.value.session.username }, () =>
      [
        `${CLI.init.setUp[ctx.io.lang]}: ${ctx.app.dataDir}`,
        `${CLI.init.head[ctx.io.lang]}: ${r.value.session.username}`,
        '',
        CLI.init.recoveryCode[ctx.io.lang],
        `  ${r.value.recoveryCode}`,
      ].join('\n'),
    );
  },
};
