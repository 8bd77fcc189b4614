import fs from 'node:fs';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';
import { fill } from '../../texts';
import { CLI } from '../../texts/cli';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: CLI.export.summary,
  usage: CLI.export.usage,
  options: ['date', 'out'],
  async run(ctx) {
    const { date, out } = ctx.options;
    if (typeof date !== 'string' || typeof out !== 'string') throw UsageError.of(CLI.export.needs);
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('reconciliation.export', { date, outDir: out });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const c = r.value.counts;
    const backup = r.value.backup;
    const lang = ctx.io.lang;
    const t = CLI.export;
    const code = printValue(ctx.io, r.value, () =>
      [
        `${t.written[lang]}: ${r.value.xlsxPath}`,
        `${t.signature[lang]}: ${r.value.sigPath}`,
        `SHA-256: ${r.value.sha256}`,
        t.counts[lang](c.appointments, c.registrations, c.rejected, c.incomplete),
        ...(backup.ok ? [`${t.backupTaken[lang]}: ${backup.dir}`] : []),
      ].join('\n'),
    );
    // The export stands (written and recorded), but the user must know the day has no backup:
    // said in words on stderr, not only as a log line.
    if (!backup.ok && !ctx.io.json) {
      ctx.io.err(t.backupFailed[lang](lang === 'en' ? backup.messageEn : backup.message));
    }
    return code;
  },
};

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: CLI.merge.summary,
  usage: CLI.merge.usage,
  options: ['out'],
  async run(ctx) {
    const out = ctx.options.out;
    if (typeof out !== 'string' || ctx.positionals.length === 0) throw UsageError.of(CLI.merge.needs);
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('reconciliation.merge', { files: ctx.positionals, outDir: out });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const lang = ctx.io.lang;
    const t = CLI.merge;
    printValue(ctx.io, r.value, () =>
      [
        ...r.value.files.map((f) => `  ${f.ok ? '✓' : '✗'} ${f.file}: ${f.message[lang]}`),
        r.value.merged
          ? `${t.merged[lang]}: ${r.value.merged.xlsxPath} (${t.duplicateMothers[lang]} ${r.value.merged.duplicateMothers}, ${t.duplicateChildren[lang]} ${r.value.merged.duplicateChildren})`
          : t.nothingMerged[lang],
      ].join('\n'),
    );
    return r.value.ok ? 0 : 1;
  },
};

export const deskKeyCommand: CliCommand = {
  name: 'desk-key',
  summary: CLI.deskKey.summary,
  usage: CLI.deskKey.usage,
  flags: ['pem', 'province'],
  async run(ctx) {
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = ctx.options.province === true ? await ctx.call('reconciliation.provinceKey', {}) : await ctx.call('reconciliation.deskKey', {});
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    if (ctx.options.pem === true && !ctx.io.json) {
      ctx.io.out(r.value.pem.trim());
      return 0;
    }
    return printValue(ctx.io, r.value, () => [`${CLI.deskKey.desk[ctx.io.lang]}: ${r.value.deskCode}`, `${CLI.deskKey.fingerprint[ctx.io.lang]}: ${r.value.fingerprint}`, r.value.pem.trim()].join('\n'));
  },
};

export const registerKeyCommand: CliCommand = {
  name: 'register-key',
  summary: CLI.registerKey.summary,
  usage: CLI.registerKey.usage,
  options: ['desk'],
  async run(ctx) {
    const desk = ctx.options.desk;
    const file = ctx.positionals[0];
    if (typeof desk !== 'string' || !file || ctx.positionals.length > 1) throw UsageError.of(CLI.registerKey.needs);
    let pem: string;
    try {
      pem = fs.readFileSync(file, 'utf8');
    } catch {
      throw UsageError.of(fill(CLI.registerKey.unreadable, file));
    }
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('reconciliation.registerDeskKey', { deskCode: desk, pem });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const lang = ctx.io.lang;
    return printValue(ctx.io, r.value, () =>
      [`${CLI.registerKey.registered[lang]}: ${r.value.deskCode}`, `${CLI.registerKey.fingerprint[lang]}: ${r.value.fingerprint}`].join('\n'),
    );
  },
};
