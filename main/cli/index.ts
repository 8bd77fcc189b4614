import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app/dataDir';
import { MasaApp } from '../app/masaApp';
import { dispatch } from '../handlers/router';
import type { ApiInput, ApiName, ApiOutput, ApiResult } from '../../preload/contract/api';
import type { CliCommand, CliContext } from './command';
import { accessLogCommand } from './commands/accessLog';
import { backupCommand, restoreCommand } from './commands/backup';
import { retentionCommand } from './commands/retention';
import { decideCommand } from './commands/decide';
import { listsCommand, reportCommand } from './commands/print';
import { deskKeyCommand, exportCommand, mergeCommand, registerKeyCommand } from './commands/reconciliation';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { statusCommand } from './commands/status';
import { verifyCommand } from './commands/verify';
import { hqKeyCommand, packCommand } from './commands/pack';
import { closeDayCommand } from './commands/day';
import { passwordCommand, recoverCommand, recoveryCodeCommand } from './commands/secrets';
import { reprintCommand, verifyFormCommand } from './commands/form';
import { UsageError, type CliIO } from './output';
import { parseArgsMessage } from './parseArgsMessage';
import { readSecret } from './password';
import { CLI } from '../texts/cli';

/** Every command of `npm run cli`; each goes through the same handler table as the window. */
export const cliCommands: CliCommand[] = [initCommand, statusCommand, verifyCommand, backupCommand, restoreCommand, importCommand, decideCommand, reportCommand, listsCommand, exportCommand, mergeCommand, deskKeyCommand, registerKeyCommand, retentionCommand, accessLogCommand, passwordCommand, recoveryCodeCommand, recoverCommand, verifyFormCommand, reprintCommand, packCommand, hqKeyCommand, closeDayCommand];

function helpText(lang: 'tr' | 'en'): string {
  const lines = [
    CLI.help.title[lang],
    '',
    CLI.help.synopsis[lang],
    '',
  ];
  for (const c of cliCommands) lines.push(`  ${c.usage[lang]}`, `      ${c.summary[lang]}`);
  lines.push(
    '',
    CLI.help.password[lang],
    CLI.help.exitCodes[lang],
  );
  return lines.join('\n');
}

function usageWord(lang: 'tr' | 'en'): string {
  return CLI.help.usageWord[lang];
}

export async function runCli(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const [name, ...rest] = argv;
  const baseIO: CliIO = {
    json: rest.includes('--json'),
    lang: rest.includes('en') && rest[rest.indexOf('en') - 1] === '--lang' ? 'en' : 'tr',
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    ...io,
  };
  if (!name || name === '--help' || name === 'help' || name === '-h') {
    baseIO.out(helpText(baseIO.lang));
    return name ? 0 : 2;
  }
  const command = cliCommands.find((c) => c.name === name);
  if (!command) {
    baseIO.err(`${CLI.help.unknownCommand[baseIO.lang]}: ${name}\n\n${helpText(baseIO.lang)}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      user: { type: 'string' },
      help: { type: 'boolean' },
    };
    for (const o of command.options ?? []) options[o] = { type: 'string' };
    for (const f of command.flags ?? []) options[f] = { type: 'boolean' };
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (err) {
    baseIO.err(`${parseArgsMessage(err as Error, baseIO.lang)}\n${usageWord(baseIO.lang)}: npm run cli -- ${command.usage[baseIO.lang]}`);
    return 2;
  }
  if (parsed.values.lang === 'en') baseIO.lang = 'en';
  if (parsed.values.help) {
    baseIO.out(`npm run cli -- ${command.usage[baseIO.lang]}\n${command.summary[baseIO.lang]}`);
    return 0;
  }
  const app = new MasaApp({ dataDir: defaultDataDir() });
  const call = <K extends ApiName>(n: K, input: ApiInput<K>) => dispatch(app, n, input) as Promise<ApiResult<ApiOutput<K>>>;
  const ctx: CliContext = {
    app,
    io: baseIO,
    positionals: parsed.positionals,
    options: parsed.values as Record<string, string | boolean | undefined>,
    call,
    async signIn() {
      const username = (parsed.values.user as string | undefined) ?? process.env.MASA_USER ?? '';
      if (!username) throw UsageError.of(CLI.help.userRequired);
      const password = await readSecret(CLI.help.passwordPrompt[baseIO.lang]);
      return call('auth.login', { username, password });
    },
  };
  try {
    return await command.run(ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      baseIO.err(`${err.text(baseIO.lang)}\n${usageWord(baseIO.lang)}: npm run cli -- ${command.usage[baseIO.lang]}`);
      return 2;
    }
    throw err;
  } finally {
    app.shutdown();
  }
}

// Run only when executed directly (tests import runCli).
if (process.argv[1] && /cli[\\/]index\.ts$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    () => {
      process.stderr.write('Beklenmeyen hata / Unexpected error\n');
      process.exit(1);
    },
  );
}
