import fs from 'node:fs';
import { printRefusal, printValue, UsageError } from '../output';
import type { CliCommand } from '../command';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: { tr: 'Günün imzalı mutabakat dosyasını (.xlsx + .sig) klasöre yazar.', en: "Writes the day's signed reconciliation (.xlsx + .sig) into a folder." },
  usage: 'export --date yyyy-MM-dd --out KLASÖR [--user KULLANICI]',
  options: ['date', 'out'],
  async run(ctx) {
    const { date, out } = ctx.options;
    if (typeof date !== 'string' || typeof out !== 'string') throw new UsageError('export için --date ve --out gerekli.', 'export needs --date and --out.');
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('reconciliation.export', { date, outDir: out });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const c = r.value.counts;
    const backup = r.value.backup;
    const en = ctx.io.lang === 'en';
    const code = printValue(ctx.io, r.value, () =>
      [
        `Yazıldı: ${r.value.xlsxPath}`,
        `İmza: ${r.value.sigPath}`,
        `SHA-256: ${r.value.sha256}`,
        `Randevu ${c.appointments} · Kesin Kayıt ${c.registrations} · Ret ${c.rejected} · Eksik Evrak ${c.incomplete}`,
        ...(backup.ok ? [`${en ? 'End-of-day backup taken' : 'Gün sonu yedeği alındı'}: ${backup.dir}`] : []),
      ].join('\n'),
    );
    // The export stands (written and recorded), but the user must know the day has no backup:
    // said in words on stderr, not only as a log line.
    if (!backup.ok && !ctx.io.json) {
      ctx.io.err(
        en
          ? `WARNING: the file was written, but the end-of-day backup could not be taken: ${backup.messageEn} Take one with \`backup --to FOLDER\`.`
          : `UYARI: dosya yazıldı, ancak gün sonu yedeği alınamadı: ${backup.message} \`backup --to KLASÖR\` ile yedek alın.`,
      );
    }
    return code;
  },
};

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: { tr: 'Masaların mutabakat dosyalarını doğrular ve il dosyasında (masa IL) birleştirir; mükerrerleri işaretler.', en: "Verifies desks' reconciliation files and merges them into the province file (desk IL), flagging duplicates." },
  usage: 'merge DOSYA.xlsx... --out KLASÖR [--user KULLANICI]',
  options: ['out'],
  async run(ctx) {
    const out = ctx.options.out;
    if (typeof out !== 'string' || ctx.positionals.length === 0) throw new UsageError('merge için dosyalar ve --out gerekli.', 'merge needs files and --out.');
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('reconciliation.merge', { files: ctx.positionals, outDir: out });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const en = ctx.io.lang === 'en';
    printValue(ctx.io, r.value, () =>
      [
        ...r.value.files.map((f) => `  ${f.ok ? '✓' : '✗'} ${f.file}: ${en ? f.message.en : f.message.tr}`),
        r.value.merged
          ? `${en ? 'Merged' : 'Birleştirildi'}: ${r.value.merged.xlsxPath} (${en ? 'duplicate mothers' : 'mükerrer anne'} ${r.value.merged.duplicateMothers}, ${en ? 'duplicate children' : 'mükerrer çocuk'} ${r.value.merged.duplicateChildren})`
          : en
            ? 'Nothing was merged: fix or remove the refused files.'
            : 'Hiçbir şey birleştirilmedi: reddedilen dosyaları düzeltin ya da çıkarın.',
      ].join('\n'),
    );
    return r.value.ok ? 0 : 1;
  },
};

export const deskKeyCommand: CliCommand = {
  name: 'desk-key',
  summary: {
    tr: 'Masanın Ed25519 açık anahtarını ve parmak izini gösterir (--pem ile yalnızca PEM; --province ile il dosyalarını imzalayan il anahtarı).',
    en: "Shows the desk's Ed25519 public key and fingerprint (--pem: the PEM only; --province: the province key that signs IL files).",
  },
  usage: 'desk-key [--pem] [--province] [--user KULLANICI]',
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
    return printValue(ctx.io, r.value, () => [`Masa: ${r.value.deskCode}`, `Parmak izi (SHA-256): ${r.value.fingerprint}`, r.value.pem.trim()].join('\n'));
  },
};

export const registerKeyCommand: CliCommand = {
  name: 'register-key',
  summary: {
    tr: 'Başka bir masanın açık anahtarını (PEM dosyası) kaydeder; o masanın mutabakat dosyaları bundan sonra doğrulanır.',
    en: "Registers another desk's public key (PEM file); that desk's reconciliation files verify from then on.",
  },
  usage: 'register-key --desk MASA DOSYA.pem [--user KULLANICI]',
  options: ['desk'],
  async run(ctx) {
    const desk = ctx.options.desk;
    const file = ctx.positionals[0];
    if (typeof desk !== 'string' || !file || ctx.positionals.length > 1) throw new UsageError('register-key için --desk ve tek bir PEM dosyası gerekli.', 'register-key needs --desk and one PEM file.');
    let pem: string;
    try {
      pem = fs.readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`Dosya okunamadı: ${file}`, `Cannot read the file: ${file}`);
    }
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('reconciliation.registerDeskKey', { deskCode: desk, pem });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const en = ctx.io.lang === 'en';
    return printValue(ctx.io, r.value, () =>
      [`${en ? 'Registered for desk' : 'Kaydedildi, masa'}: ${r.value.deskCode}`, `${en ? 'Fingerprint (SHA-256)' : 'Parmak izi (SHA-256)'}: ${r.value.fingerprint}`].join('\n'),
    );
  },
};
