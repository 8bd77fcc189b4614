import { readSecret } from '../password';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';

export const initCommand: CliCommand = {
  name: 'init',
  summary: {
    tr: 'İlk kurulum (etkileşimsiz): birim sorumlusu, il kodu, masa kodu. Kurtarma kodunu bir kez yazdırır.',
    en: 'First-run setup (non-interactive): office head, province, desk. Prints the recovery code once.',
  },
  usage: 'init --username KULLANICI --name "AD SOYAD" --province IL_KODU --desk MASA_KODU',
  options: ['username', 'name', 'province', 'desk'],
  async run(ctx) {
    const { username, name, province, desk } = ctx.options;
    if (typeof username !== 'string' || typeof name !== 'string' || typeof province !== 'string' || typeof desk !== 'string') {
      throw new UsageError('init için --username, --name, --province ve --desk gerekli.', 'init needs --username, --name, --province and --desk.');
    }
    const password = await readSecret('Parola / Password: ');
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
        `Masa kuruldu: ${ctx.app.dataDir}`,
        `Birim sorumlusu: ${r.value.session.username}`,
        '',
        'KURTARMA KODU (yalnızca bir kez gösterilir; yazdırıp kilitli bir yerde saklayın):',
        `  ${r.value.recoveryCode}`,
      ].join('\n'),
    );
  },
};
