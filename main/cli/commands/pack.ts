import type { PackCheckView } from '../../../preload/contract/packTypes';
import { printRefusal, printValue, UsageError, type CliIO } from '../output';
import type { CliCommand, CliContext } from '../command';

/** `pack check`'s report: every problem by JSON path, or the pack's identity when it is good. */
function printCheck(io: CliIO, v: PackCheckView): number {
  const en = io.lang === 'en';
  if (io.json) {
    io.out(JSON.stringify({ ok: v.problems.length === 0, value: v }, null, 2));
    return v.problems.length ? 1 : 0;
  }
  if (v.pack && v.problems.length === 0) {
    io.out(
      [
        `${en ? 'Pack is good' : 'Paket denetimden geçti'}: ${v.pack.label}  ${v.pack.name[io.lang]}`,
        `${en ? 'Valid' : 'Geçerlilik'}: ${v.pack.validFrom} – ${v.pack.validTo ?? (en ? 'open' : 'açık')}   ${en ? 'examples decided as expected' : 'örnek vaka beklendiği gibi'}: ${v.pack.examples}`,
        `SHA-256 (${en ? 'file' : 'dosya'}): ${v.sha256}`,
      ].join('\n'),
    );
    return 0;
  }
  io.err(`${en ? 'Pack refused' : 'Paket reddedildi'}: ${v.file} (${v.problems.length} ${en ? 'problems' : 'sorun'})`);
  for (const p of v.problems) io.err(`  ${p.path}: ${p.message[io.lang]}`);
  return 1;
}

async function check(ctx: CliContext, file: string): Promise<number> {
  const r = await ctx.call('rules.packCheck', { path: file });
  return r.ok ? printCheck(ctx.io, r.value) : printRefusal(ctx.io, r);
}

async function keygen(ctx: CliContext): Promise<number> {
  const out = ctx.options.out;
  if (typeof out !== 'string') throw new UsageError('pack keygen için --out KLASÖR gerekli.', 'pack keygen needs --out DIR.');
  const r = await ctx.call('rules.packKeygen', { outDir: out });
  if (!r.ok) return printRefusal(ctx.io, r);
  const en = ctx.io.lang === 'en';
  return printValue(ctx.io, r.value, () =>
    [
      `${en ? 'Private key (keep it secret, owner-only)' : 'Özel anahtar (gizli tutun, yalnızca sahibi okur)'}: ${r.value.privateKeyPath}`,
      `${en ? 'Public key (give it to the desks)' : 'Açık anahtar (masalara verilir)'}: ${r.value.publicKeyPath}`,
      `${en ? 'Fingerprint' : 'Parmak izi'}: ${r.value.fingerprint}`,
    ].join('\n'),
  );
}

async function sign(ctx: CliContext, file: string): Promise<number> {
  const key = ctx.options.key;
  if (typeof key !== 'string') throw new UsageError('pack sign için --key HQ-OZEL.pem gerekli.', 'pack sign needs --key HQ-PRIVATE.pem.');
  const r = await ctx.call('rules.packSign', { path: file, keyPath: key });
  if (!r.ok) return printRefusal(ctx.io, r);
  const en = ctx.io.lang === 'en';
  return printValue(ctx.io, r.value, () => [`${en ? 'Signature written' : 'İmza yazıldı'}: ${r.value.sigPath}`, `SHA-256: ${r.value.sha256}`, `${en ? 'Fingerprint' : 'Parmak izi'}: ${r.value.fingerprint}`].join('\n'));
}

const USAGE = 'pack check DOSYA | pack keygen --out KLASÖR | pack sign DOSYA --key HQ-OZEL.pem';

/**
 * HQ's rule-pack tooling (docs/rule-packs.md); each sub-command is one handler of the table.
 * `check`, `keygen` and `sign` need no ledger, so no sign-in.
 */
export const packCommand: CliCommand = {
  name: 'pack',
  summary: {
    tr: 'Kural paketi: denetle (check), HQ anahtar çifti üret (keygen), imzala (sign). docs/rule-packs.md',
    en: 'Rule pack: check it, make an HQ key pair (keygen), sign it. docs/rule-packs.md',
  },
  usage: USAGE,
  options: ['out', 'key'],
  async run(ctx) {
    const [sub, file, ...extra] = ctx.positionals;
    const needsFile = sub === 'check' || sub === 'sign';
    if (needsFile && (!file || extra.length)) throw new UsageError(`pack ${sub} için tek bir paket dosyası gerekli.`, `pack ${sub} needs exactly one pack file.`);
    if (sub === 'check') return check(ctx, file!);
    if (sub === 'sign') return sign(ctx, file!);
    if (sub === 'keygen') return keygen(ctx);
    throw new UsageError(`Bilinmeyen pack işlemi: ${sub ?? '(yok)'}. ${USAGE}`, `Unknown pack operation: ${sub ?? '(none)'}. ${USAGE}`);
  },
};
