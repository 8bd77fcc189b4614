import fs from 'node:fs';
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
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, r.value, () =>
      [`${en ? 'Pack loaded' : 'Paket yüklendi'}: ${r.value.label}  ${r.value.name[ctx.io.lang]}`, `${en ? 'Signed by' : 'İmzalayan'}: ${r.value.signer}`, `${en ? 'Change' : 'Değişiklik'}: ${r.value.changeNote[ctx.io.lang]}`].join('\n'),
    );
  });
}

async function list(ctx: CliContext): Promise<number> {
  return signedIn(ctx, async () => {
    const r = await ctx.call('rules.packList', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, r.value, () =>
      r.value
        .map((p) =>
          [
            `${p.label}  ${p.name[ctx.io.lang]}  ${p.validFrom} – ${p.validTo ?? (en ? 'open' : 'açık')}`,
            p.origin === 'builtin' ? `    ${en ? 'built-in' : 'yerleşik'}` : `    ${en ? 'loaded by' : 'yükleyen'} ${p.loadedBy} ${p.loadedAt}  ${en ? 'key' : 'anahtar'} ${p.signer}`,
          ].join('\n'),
        )
        .join('\n'),
    );
  });
}

const USAGE = 'pack check DOSYA | pack keygen --out KLASÖR | pack sign DOSYA --key HQ-OZEL.pem | pack load DOSYA | pack list';

/**
 * HQ's rule-pack tooling (docs/rule-packs.md); each sub-command is one handler of the table.
 * `check`, `keygen` and `sign` need no ledger, so no sign-in.
 */
export const packCommand: CliCommand = {
  name: 'pack',
  summary: {
    tr: 'Kural paketi: denetle (check), HQ anahtar çifti üret (keygen), imzala (sign); birim sorumlusu: imzalı paketi yükle (load), paketleri listele (list). docs/rule-packs.md',
    en: 'Rule pack: check it, make an HQ key pair (keygen), sign it; office head: load a signed pack (load), list packs (list). docs/rule-packs.md',
  },
  usage: USAGE,
  options: ['out', 'key'],
  async run(ctx) {
    const [sub, file, ...extra] = ctx.positionals;
    const needsFile = sub === 'check' || sub === 'sign' || sub === 'load';
    if (needsFile && (!file || extra.length)) throw new UsageError(`pack ${sub} için tek bir paket dosyası gerekli.`, `pack ${sub} needs exactly one pack file.`);
    if (sub === 'check') return check(ctx, file!);
    if (sub === 'sign') return sign(ctx, file!);
    if (sub === 'keygen') return keygen(ctx);
    if (sub === 'load') return load(ctx, file!);
    if (sub === 'list') return list(ctx);
    throw new UsageError(`Bilinmeyen pack işlemi: ${sub ?? '(yok)'}. ${USAGE}`, `Unknown pack operation: ${sub ?? '(none)'}. ${USAGE}`);
  },
};

/** HQ's signing keys this desk trusts (docs/rule-packs.md "Trust anchors"). */
export const hqKeyCommand: CliCommand = {
  name: 'hq-key',
  summary: {
    tr: 'HQ imza anahtarları: ekle (parmak izi --confirm ile onaylanır), listele, emekliye ayır (başka bir HQ anahtarıyla imzalı bildirim).',
    en: "HQ signing keys: add (the fingerprint is confirmed with --confirm), list, retire (a statement signed by another HQ key).",
  },
  usage: 'hq-key add HQ.pem [--confirm "PARMAK İZİ"] [--name AD] | hq-key list | hq-key retire BILDIRIM.json',
  options: ['confirm', 'name'],
  async run(ctx) {
    const [sub, file, ...extra] = ctx.positionals;
    const en = ctx.io.lang === 'en';
    if ((sub === 'add' || sub === 'retire') && (!file || extra.length)) throw new UsageError(`hq-key ${sub} için tek bir dosya gerekli.`, `hq-key ${sub} needs exactly one file.`);
    if (sub === 'list')
      return signedIn(ctx, async () => {
        const r = await ctx.call('rules.hqKeyList', {});
        if (!r.ok) return printRefusal(ctx.io, r);
        return printValue(ctx.io, r.value, () =>
          r.value.length
            ? r.value.map((k) => `${k.fingerprint}  ${k.name}  ${k.origin === 'shipped' ? (en ? 'shipped' : 'uygulamayla gelen') : `${en ? 'added by' : 'ekleyen'} ${k.addedBy} ${k.addedAt}`}${k.retiredFrom ? `  ${en ? 'retired from' : 'emekli:'} ${k.retiredFrom}` : ''}`).join('\n')
            : en
              ? 'No HQ key is trusted yet.'
              : 'Henüz tanınan bir HQ anahtarı yok.',
        );
      });
    if (sub === 'retire')
      return signedIn(ctx, async () => {
        const r = await ctx.call('rules.hqKeyRetire', { path: file! });
        if (!r.ok) return printRefusal(ctx.io, r);
        return printValue(ctx.io, r.value, () => `${en ? 'Retired from' : 'Emekli tarihi'} ${r.value.retiredFrom}: ${r.value.fingerprint}`);
      });
    if (sub !== 'add') throw new UsageError(`Bilinmeyen hq-key işlemi: ${sub ?? '(yok)'}.`, `Unknown hq-key operation: ${sub ?? '(none)'}.`);
    let pem: string;
    try {
      pem = fs.readFileSync(file!, 'utf8');
    } catch {
      ctx.io.err(`${en ? 'The key file cannot be read' : 'Anahtar dosyası okunamadı'}: ${file}`);
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
        ctx.io.err(
          en
            ? `Fingerprint: ${p.value.fingerprint}\nCompare it with the one HQ published; if it is the same, run again with --confirm "${p.value.fingerprint}". Nothing was added.`
            : `Parmak izi: ${p.value.fingerprint}\nHQ'nin yayımladığıyla karşılaştırın; aynıysa --confirm "${p.value.fingerprint}" ile yeniden çalıştırın. Hiçbir şey eklenmedi.`,
        );
        return 1;
      }
      const name = typeof ctx.options.name === 'string' ? ctx.options.name : undefined;
      const r = await ctx.call('rules.hqKeyAdd', { pem, confirmFingerprint: confirm, ...(name ? { name } : {}) });
      if (!r.ok) return printRefusal(ctx.io, r);
      return printValue(ctx.io, r.value, () => `${en ? 'HQ key added' : 'HQ anahtarı eklendi'}: ${r.value.fingerprint}  ${r.value.name}`);
    });
  },
};
