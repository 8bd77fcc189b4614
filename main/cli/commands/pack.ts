import fs from 'node:fs';
import type { PackCheckView } from '../../../preload/contract/packTypes';
import { printRefusal, printValue, UsageError, type CliIO } from '../output';
import type { CliCommand, CliContext } from '../command';
import { fill } from '../../texts';
import { CLI } from '../../texts/cli';

/** `pack check`'s report: every problem by JSON path, or the pack's identity when it is good. */
function printCheck(io: CliIO, v: PackCheckView): number {
  const lang = io.lang;
  const t = CLI.pack;
  if (io.json) {
    io.out(JSON.stringify({ ok: v.problems.length === 0, value: v }, null, 2));
    return v.problems.length ? 1 : 0;
  }
  if (v.pack && v.problems.length === 0) {
    io.out(
      [
        `${t.good[lang]}: ${v.pack.label}  ${v.pack.name[io.lang]}`,
        `${t.valid[lang]}: ${v.pack.validFrom} – ${v.pack.validTo ?? t.open[lang]}   ${t.examplesAsExpected[lang]}: ${v.pack.examples}`,
        `SHA-256 (${t.file[lang]}): ${v.sha256}`,
      ].join('\n'),
    );
    return 0;
  }
  io.err(`${t.refused[lang]}: ${v.file} (${v.problems.length} ${t.problems[lang]})`);
  for (const p of v.problems) io.err(`  ${p.path}: ${p.message[io.lang]}`);
  return 1;
}

async function check(ctx: CliContext, file: string): Promise<number> {
  const r = await ctx.call('rules.packCheck', { path: file });
  return r.ok ? printCheck(ctx.io, r.value) : printRefusal(ctx.io, r);
}

async function keygen(ctx: CliContext): Promise<number> {
  const out = ctx.options.out;
  if (typeof out !== 'string') throw UsageError.of(CLI.pack.keygenNeedsOut);
  const r = await ctx.call('rules.packKeygen', { outDir: out });
  if (!r.ok) return printRefusal(ctx.io, r);
  const lang = ctx.io.lang;
  return printValue(ctx.io, r.value, () =>
    [
      `${CLI.pack.privateKey[lang]}: ${r.value.privateKeyPath}`,
      `${CLI.pack.publicKey[lang]}: ${r.value.publicKeyPath}`,
      `${CLI.pack.fingerprint[lang]}: ${r.value.fingerprint}`,
    ].join('\n'),
  );
}

async function sign(ctx: CliContext, file: string): Promise<number> {
  const key = ctx.options.key;
  if (typeof key !== 'string') throw UsageError.of(CLI.pack.signNeedsKey);
  const r = await ctx.call('rules.packSign', { path: file, keyPath: key });
  if (!r.ok) return printRefusal(ctx.io, r);
  const lang = ctx.io.lang;
  return printValue(ctx.io, r.value, () => [`${CLI.pack.signatureWritten[lang]}: ${r.value.sigPath}`, `SHA-256: ${r.value.sha256}`, `${CLI.pack.fingerprint[lang]}: ${r.value.fingerprint}`].join('\n'));
}

/** Office head's commands: signed in, one ledger event each. */
async function signedIn(ctx: CliContext, run: () => Promise<number>): Promise<number> {
  const signed = await ctx.signIn();
  if (!signed.ok) return printRefusal(ctx.io, signed);
  try {
    return await run();
  } finally {
    await ctx.call('auth.logout', {});
  }
}

async function load(ctx: CliContext, file: string): Promise<number> {
  return signedIn(ctx, async () => {
    const r = await ctx.call('rules.packLoad', { path: file });
    if (!r.ok) return printRefusal(ctx.io, r);
    const lang = ctx.io.lang;
    return printValue(ctx.io, r.value, () =>
      [`${CLI.pack.loaded[lang]}: ${r.value.label}  ${r.value.name[lang]}`, `${CLI.pack.signedBy[lang]}: ${r.value.signer}`, `${CLI.pack.change[lang]}: ${r.value.changeNote[lang]}`].join('\n'),
    );
  });
}

async function list(ctx: CliContext): Promise<number> {
  return signedIn(ctx, async () => {
    const r = await ctx.call('rules.packList', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const lang = ctx.io.lang;
    const t = CLI.pack;
    return printValue(ctx.io, r.value, () =>
      r.value
        .map((p) =>
          [
            `${p.label}  ${p.name[lang]}  ${p.validFrom} – ${p.validTo ?? t.open[lang]}`,
            p.origin === 'builtin' ? `    ${t.builtIn[lang]}` : `    ${t.loadedBy[lang]} ${p.loadedBy} ${p.loadedAt}  ${t.key[lang]} ${p.signer}`,
          ].join('\n'),
        )
        .join('\n'),
    );
  });
}

const USAGE = CLI.pack.usage;

/**
 * HQ's rule-pack tooling (docs/rule-packs.md); each sub-command is one handler of the table.
 * `check`, `keygen` and `sign` need no ledger, so no sign-in.
 */
export const packCommand: CliCommand = {
  name: 'pack',
  summary: CLI.pack.summary,
  usage: USAGE,
  options: ['out', 'key'],
  async run(ctx) {
    const [sub, file, ...extra] = ctx.positionals;
    const needsFile = sub === 'check' || sub === 'sign' || sub === 'load';
    if (needsFile && (!file || extra.length)) throw UsageError.of(fill(CLI.pack.needsOneFile, sub));
    if (sub === 'check') return check(ctx, file!);
    if (sub === 'sign') return sign(ctx, file!);
    if (sub === 'keygen') return keygen(ctx);
    if (sub === 'load') return load(ctx, file!);
    if (sub === 'list') return list(ctx);
    throw new UsageError(CLI.pack.unknownOperation.tr(sub, USAGE.tr), CLI.pack.unknownOperation.en(sub, USAGE.en));
  },
};

/** HQ's signing keys this desk trusts (docs/rule-packs.md "Trust anchors"). */
export const hqKeyCommand: CliCommand = {
  name: 'hq-key',
  summary: CLI.hqKey.summary,
  usage: CLI.hqKey.usage,
  options: ['confirm', 'name'],
  async run(ctx) {
    const [sub, file, ...extra] = ctx.positionals;
    const lang = ctx.io.lang;
    const t = CLI.hqKey;
    if ((sub === 'add' || sub === 'retire') && (!file || extra.length)) throw UsageError.of(fill(t.needsOneFile, sub));
    if (sub === 'list')
      return signedIn(ctx, async () => {
        const r = await ctx.call('rules.hqKeyList', {});
        if (!r.ok) return printRefusal(ctx.io, r);
        return printValue(ctx.io, r.value, () =>
          r.value.length
            ? r.value.map((k) => `${k.fingerprint}  ${k.name}  ${k.origin === 'shipped' ? t.shipped[lang] : `${t.addedBy[lang]} ${k.addedBy} ${k.addedAt}`}${k.retiredFrom ? `  ${t.retiredFromLabel[lang]} ${k.retiredFrom}` : ''}`).join('\n')
            : t.noneTrusted[lang],
        );
      });
    if (sub === 'retire')
      return signedIn(ctx, async () => {
        const r = await ctx.call('rules.hqKeyRetire', { path: file! });
        if (!r.ok) return printRefusal(ctx.io, r);
        return printValue(ctx.io, r.value, () => `${t.retiredFrom[lang]} ${r.value.retiredFrom}: ${r.value.fingerprint}`);
      });
    if (sub !== 'add') throw UsageError.of(fill(t.unknownOperation, sub));
    let pem: string;
    try {
      pem = fs.readFileSync(file!, 'utf8');
    } catch {
      ctx.io.err(`${t.unreadable[lang]}: ${file}`);
      return 1;
    }
    return signedIn(ctx, async () => {
      const confirm = ctx.options.confirm;
      if (typeof confirm !== 'string') {
        // Adding a trust anchor cannot be undone casually: the head reads the fingerprint back first.
        const p = await ctx.call('rules.hqKeyPreview', { pem });
        if (!p.ok) return printRefusal(ctx.io, p);
        if (ctx.io.json) {
          ctx.io.out(JSON.stringify({ ok: false, value: { fingerprint: p.value.fingerprint, confirmed: false } }, null, 2));
          return 1;
        }
        ctx.io.err(t.confirmFirst[lang](p.value.fingerprint));
        return 1;
      }
      const name = typeof ctx.options.name === 'string' ? ctx.options.name : undefined;
      const r = await ctx.call('rules.hqKeyAdd', { pem, confirmFingerprint: confirm, ...(name ? { name } : {}) });
      if (!r.ok) return printRefusal(ctx.io, r);
      return printValue(ctx.io, r.value, () => `${t.added[lang]}: ${r.value.fingerprint}  ${r.value.name}`);
    });
  },
};
