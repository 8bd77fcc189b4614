import { parseArgs } from 'node:util';
import { UsageError, type CliIO } from '../../main/cli/output';
import { parseArgsMessage } from '../../main/cli/parseArgsMessage';
import { openEngine, type HqEngine } from '../database/engine';
import { migrationFiles, schemaVersion } from '../database/migrate';
import { OutputExists } from '../xlsx/writeTables';
import { HqRefusal, type HqCommand, type HqContext } from './command';
import { chainCommand } from './commands/chain';
import { deskKeyCommand } from './commands/deskKey';
import { duplicatesCommand } from './commands/duplicates';
import { initCommand } from './commands/init';
import { loadCommand } from './commands/load';
import { reportCommand } from './commands/report';
import { standingsCommand } from './commands/standings';
import { HQ } from '../texts/cli';

/** Every command of `npm run hq`: HQ's intake of the desks' signed day files. */
export const hqCommands: HqCommand[] = [initCommand, deskKeyCommand, loadCommand, duplicatesCommand, reportCommand, standingsCommand, chainCommand];

function helpText(lang: 'tr' | 'en'): string {
  const lines = [
    HQ.help.title[lang],
    '',
    HQ.help.synopsis[lang],
    '',
  ];
  for (const c of hqCommands) lines.push(`  ${c.usage[lang]}`, `      ${c.summary[lang]}`);
  lines.push(
    '',
    HQ.help.database[lang],
    HQ.help.exitCodes[lang],
  );
  return lines.join('\n');
}

export async function runHq(argv: string[], io?: Partial<CliIO>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const base: CliIO = {
    json: rest.includes('--json'),
    lang: rest.includes('en') && rest[rest.indexOf('en') - 1] === '--lang' ? 'en' : 'tr',
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    ...io,
  };
  const usage = HQ.help.usageWord[base.lang];
  if (!name || name === '--help' || name === 'help' || name === '-h') {
    base.out(helpText(base.lang));
    return name ? 0 : 2;
  }
  const command = hqCommands.find((c) => c.name === name);
  if (!command) {
    base.err(`${HQ.help.unknownCommand[base.lang]}: ${name}\n\n${helpText(base.lang)}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options: Record<string, { type: 'string' | 'boolean' }> = { json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean' } };
    for (const o of command.options ?? []) options[o] = { type: 'string' };
    for (const f of command.flags ?? []) options[f] = { type: 'boolean' };
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (err) {
    base.err(`${parseArgsMessage(err as Error, base.lang)}\n${usage}: npm run hq -- ${command.usage[base.lang]}`);
    return 2;
  }
  if (parsed.values.lang === 'en') base.lang = 'en';
  if (parsed.values.help) {
    base.out(`npm run hq -- ${command.usage[base.lang]}\n${command.summary[base.lang]}`);
    return 0;
  }
  let engine: HqEngine | null = null;
  const raw = async () => {
    if (!engine) {
      try {
        engine = await openEngine(env);
      } catch {
        throw HqRefusal.of(env.DATABASE_URL ? HQ.help.noServer : HQ.help.noEmbedded);
      }
    }
    return engine;
  };
  const ctx: HqContext = {
    io: base,
    positionals: parsed.positionals,
    options: parsed.values as Record<string, string | boolean | undefined>,
    rawDb: raw,
    async db() {
      const db = await raw();
      const latest = Math.max(...migrationFiles().map((m) => m.version));
      if ((await schemaVersion(db)) < latest) throw HqRefusal.of(HQ.help.notSetUp);
      return db;
    },
  };
  try {
    return await command.run(ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      base.err(`${err.text(base.lang)}\n${usage}: npm run hq -- ${command.usage[base.lang]}`);
      return 2;
    }
    if (err instanceof HqRefusal || err instanceof OutputExists) {
      const text =
        err instanceof HqRefusal
          ? base.lang === 'en' ? err.en : err.tr
          : HQ.help.fileExists[base.lang](err.message);
      if (base.json) base.out(JSON.stringify({ ok: false, error: { message: text } }, null, 2));
      else base.err(`${HQ.help.refused[base.lang]}: ${text}`);
      return 1;
    }
    // Anything else (a server that went away during a query): nothing was half-written, say so without quoting data.
    const text = HQ.help.notCompleted[base.lang];
    if (base.json) base.out(JSON.stringify({ ok: false, error: { message: text } }, null, 2));
    else base.err(`${HQ.help.refused[base.lang]}: ${text}`);
    return 1;
  } finally {
    if (engine) await (engine as HqEngine).close();
  }
}

if (process.argv[1] && /hq[\\/]cli[\\/]index\.ts$/.test(process.argv[1])) {
  runHq(process.argv.slice(2)).then(
    (code) => process.exit(code),
    () => {
      process.stderr.write('Beklenmeyen hata / Unexpected error\n');
      process.exit(1);
    },
  );
}
