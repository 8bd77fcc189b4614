import fs from 'node:fs';
import path from 'node:path';
import type { FormVerification } from '../../../preload/contract/formTypes';
import { QR_PREFIX } from '../../formStatement/qrText';
import { QR_READ_TEXT, QrReadError, qrTextFromPdf, qrTextFromPng } from '../../formStatement/readQr';
import { formatMoney } from '../../print/format';
import type { CliCommand } from '../command';
import { printRefusal, printValue, UsageError } from '../output';
import { refusedTarget, save } from './print';
import { fill } from '../../texts';
import { CLI } from '../../texts/cli';

/** The scanned text itself, or the QR of a PNG / PDF file (the argument names an existing file). */
function textOf(arg: string): { text: string } | { failure: QrReadError } {
  if (arg.startsWith(QR_PREFIX) || !fs.existsSync(arg) || !fs.statSync(arg).isFile()) {
    if (/\.(png|pdf)$/i.test(arg) && !arg.startsWith(QR_PREFIX)) {
      throw UsageError.of(fill(CLI.form.fileNotFound, arg));
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
  const t = CLI.form;
  const lines = [`${t.verdict[lang]}: ${t.verdictWord[v.verdict][lang]}. ${v.message[lang]}`];
  if (v.signer) {
    const whose = t.signerKind[v.signer.kind][lang];
    lines.push(`${t.signedBy[lang]}: ${v.signer.deskCode} (${whose}), ${t.fingerprint[lang]} ${v.signer.fingerprint}`);
  }
  const s = v.statement;
  if (s) {
    if (v.verdict !== 'VALID' && v.verdict !== 'SUPERSEDED') lines.push(t.unproven[lang]);
    lines.push(
      `  ${t.desk[lang]}: ${s.provinceCode} / ${s.deskCode}`,
      `  ${(s.outcome === 'KESIN_KAYIT' ? t.registrationNo : t.randevuNo)[lang]}: ${s.number}`,
      `  ${t.decision[lang]}: ${s.outcome}, ${s.decidedOn}`,
      `  ${t.programme[lang]}: ${s.programCode} (${t.edition[lang]} ${s.packEdition}, ${t.packHash[lang]} ${s.packHash})`,
    );
    if (s.monthlyAmountMinor !== null && s.currency) {
      lines.push(`  ${t.support[lang]}: ${s.supportType}, ${formatMoney(s.monthlyAmountMinor, s.currency)} ${t.aMonth[lang]}, ${t.from[lang]} ${s.supportFrom}`);
    }
    if (s.ruleCodes.length) lines.push(`  ${t.rules[lang]}: ${s.ruleCodes.join(', ')}`);
    if (s.missingDocumentCodes.length) lines.push(`  ${t.missingDocuments[lang]}: ${s.missingDocumentCodes.join(', ')}`);
    lines.push(`  ${t.ledgerEvent[lang]}: #${s.eventSeq} (${s.eventHash})`, `  ${t.motherBinding[lang]}: ${s.motherHash}`);
  }
  if (v.local?.supersededBy) lines.push(`${t.supersededBy[lang]}: ${v.local.supersededBy}`);
  if (v.coseBytes) lines.push(`COSE_Sign1: ${v.coseBytes} ${t.bytes[lang]}`);
  return lines.join('\n');
}

export const verifyFormCommand: CliCommand = {
  name: 'verify-form',
  summary: CLI.form.verifySummary,
  usage: CLI.form.verifyUsage,
  async run(ctx) {
    const arg = ctx.positionals[0];
    if (arg === undefined || ctx.positionals.length > 1) {
      throw UsageError.of(CLI.form.verifyNeedsOne);
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
  summary: CLI.form.reprintSummary,
  usage: CLI.form.reprintUsage,
  options: ['registration', 'randevu', 'out'],
  async run(ctx) {
    const { registration, randevu, out } = ctx.options;
    if (typeof out !== 'string' || (typeof registration === 'string') === (typeof randevu === 'string')) {
      throw UsageError.of(CLI.form.reprintNeeds);
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
    return printValue(ctx.io, { file, bytes: r.value.bytes }, () => `${CLI.form.reprintWritten[ctx.io.lang]}: ${file}`);
  },
};
