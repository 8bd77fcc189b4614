import fs from 'node:fs';
import path from 'node:path';
import type { FormVerification } from '../../../preload/contract/formTypes';
import { QR_PREFIX } from '../../formStatement/qrText';
import { QR_READ_TEXT, QrReadError, qrTextFromPdf, qrTextFromPng } from '../../formStatement/readQr';
import { formatMoney } from '../../print/format';
import type { CliCommand } from '../command';
import { printRefusal, printValue, UsageError } from '../output';
import { refusedTarget, save } from './print';

const VERDICT_WORD: Record<FormVerification['verdict'], { tr: string; en: string }> = {
  VALID: { tr: 'GEÇERLİ', en: 'VALID' },
  SUPERSEDED: { tr: 'GEÇERLİ AMA SONRADAN DÜZELTİLMİŞ', en: 'VALID BUT SUPERSEDED' },
  UNKNOWN_KEY: { tr: 'BİLİNMEYEN MASA ANAHTARI', en: 'UNKNOWN DESK KEY' },
  BAD_SIGNATURE: { tr: 'İMZA GEÇERSİZ', en: 'BAD SIGNATURE' },
  MALFORMED: { tr: 'OKUNAMIYOR', en: 'MALFORMED' },
};

/** The scanned text itself, or the QR of a PNG / PDF file (the argument names an existing file). */
function textOf(arg: string): { text: string } | { failure: QrReadError } {
  if (arg.startsWith(QR_PREFIX) || !fs.existsSync(arg) || !fs.statSync(arg).isFile()) {
    if (/\.(png|pdf)$/i.test(arg) && !arg.startsWith(QR_PREFIX)) {
      throw new UsageError(`Dosya bulunamadı: ${arg}`, `File not found: ${arg}`);
    }
    return { text: arg };
  }
  try {
    const bytes = fs.readFileSync(arg);
    const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    return { text: isPdf ? qrTextFromPdf(path.resolve(arg)) : qrTextFromPng(bytes) };
  } catch (e) {
    if (e instanceof QrReadError) return { failure: e };
    throw e;
  }
}

function describe(v: FormVerification, lang: 'tr' | 'en'): string {
  const L = (tr: string, en: string) => (lang === 'en' ? en : tr);
  const lines = [`${L('Sonuç', 'Verdict')}: ${VERDICT_WORD[v.verdict][lang]}. ${v.message[lang]}`];
  if (v.signer) {
    const whose = { own: L('bu masa', 'this desk'), province: L('il anahtarı', 'province key'), registered: L('kayıtlı masa', 'registered desk') }[v.signer.kind];
    lines.push(`${L('İmzalayan', 'Signed by')}: ${v.signer.deskCode} (${whose}), ${L('parmak izi', 'fingerprint')} ${v.signer.fingerprint}`);
  }
  const s = v.statement;
  if (s) {
    if (v.verdict !== 'VALID' && v.verdict !== 'SUPERSEDED') lines.push(L('Karekodun söyledikleri (kanıtlanmadı):', 'What the QR claims (not proven):'));
    lines.push(
      `  ${L('Masa', 'Desk')}: ${s.provinceCode} / ${s.deskCode}`,
      `  ${s.outcome === 'KESIN_KAYIT' ? L('Kayıt No', 'Registration no') : 'Randevu No'}: ${s.number}`,
      `  ${L('Karar', 'Decision')}: ${s.outcome}, ${s.decidedOn}`,
      `  ${L('Program', 'Programme')}: ${s.programCode} (${L('sürüm', 'edition')} ${s.packEdition}, ${L('paket özeti', 'pack hash')} ${s.packHash})`,
    );
    if (s.monthlyAmountMinor !== null && s.currency) {
      lines.push(`  ${L('Destek', 'Support')}: ${s.supportType}, ${formatMoney(s.monthlyAmountMinor, s.currency)} ${L('aylık', 'a month')}, ${L('başlangıç', 'from')} ${s.supportFrom}`);
    }
    if (s.ruleCodes.length) lines.push(`  ${L('Kurallar', 'Rules')}: ${s.ruleCodes.join(', ')}`);
    if (s.missingDocumentCodes.length) lines.push(`  ${L('Eksik belgeler', 'Missing documents')}: ${s.missingDocumentCodes.join(', ')}`);
    lines.push(`  ${L('Defter olayı', 'Ledger event')}: #${s.eventSeq} (${s.eventHash})`, `  ${L('Anne bağı', 'Mother binding')}: ${s.motherHash}`);
  }
  if (v.local?.supersededBy) lines.push(`${L('Yerine geçen kayıt', 'Superseded by registration')}: ${v.local.supersededBy}`);
  if (v.coseBytes) lines.push(`COSE_Sign1: ${v.coseBytes} ${L('bayt', 'bytes')}`);
  return lines.join('\n');
}

export const verifyFormCommand: CliCommand = {
  name: 'verify-form',
  summary: {
    tr: 'Basılı formun karekodunu (metin, PNG ya da PDF) doğrular: geçerli / düzeltilmiş / bilinmeyen anahtar / imza geçersiz / okunamıyor. Çıkış 0 yalnızca geçerlide.',
    en: 'Verifies a printed form QR (text, PNG or PDF): valid / superseded / unknown key / bad signature / malformed. Exit 0 only when valid.',
  },
  usage: 'verify-form METİN|FORM.png|FORM.pdf [--json] [--user KULLANICI]',
  async run(ctx) {
    const arg = ctx.positionals[0];
    if (arg === undefined || ctx.positionals.length > 1) {
      throw new UsageError("verify-form için tek bir argüman gerekli: karekod metni (tırnak içinde) ya da PNG/PDF dosyası.", 'verify-form needs one argument: the QR text (quoted) or a PNG/PDF file.');
    }
    const read = textOf(arg);
    if ('failure' in read) {
      const m = QR_READ_TEXT[read.failure.code];
      return printRefusal(ctx.io, { ok: false, error: { code: read.failure.code, message: m.tr, messageEn: m.en } });
    }
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('form.verify', { text: read.text });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    printValue(ctx.io, r.value, () => describe(r.value, ctx.io.lang));
    return r.value.verdict === 'VALID' ? 0 : 1;
  },
};

export const reprintCommand: CliCommand = {
  name: 'reprint',
  summary: {
    tr: 'Kesin Kayıt Formunu ya da Ret / Eksik Evrak bildirimini "yeniden baskı" olarak aynı imzalı karekodla yazar (birim sorumlusu).',
    en: 'Writes the Kesin Kayıt Formu or the refusal notice again, marked as a reprint, with the same signed QR (office head).',
  },
  usage: 'reprint --registration KAYIT_NO|--randevu RANDEVU_NO --out FORM.pdf [--user KULLANICI]',
  options: ['registration', 'randevu', 'out'],
  async run(ctx) {
    const { registration, randevu, out } = ctx.options;
    if (typeof out !== 'string' || (typeof registration === 'string') === (typeof randevu === 'string')) {
      throw new UsageError('reprint için --out ve --registration ya da --randevu (biri) gerekli.', 'reprint needs --out and one of --registration or --randevu.');
    }
    const refused = refusedTarget(ctx, out);
    if (refused !== null) return refused;
    const signed = await ctx.signIn();
    if (!signed.ok) return printRefusal(ctx.io, signed);
    const r = await ctx.call('print.reprint', typeof registration === 'string' ? { registrationNo: registration } : { randevuNo: randevu as string });
    await ctx.call('auth.logout', {});
    if (!r.ok) return printRefusal(ctx.io, r);
    const saved = save(ctx, out, r.value);
    if ('refused' in saved) return saved.refused;
    const file = saved.file;
    return printValue(ctx.io, { file, bytes: r.value.bytes }, () => (ctx.io.lang === 'en' ? `Reprint written: ${file}` : `Yeniden baskı yazıldı: ${file}`));
  },
};
