/**
 * One verdict on a scanned text, from the text and the keys this desk trusts (no ledger):
 * malformed, unknown desk key, bad signature, or valid. Whether a valid statement was later
 * superseded is the ledger's to say (formStatementService).
 */
import type { FormVerdict } from '../../preload/contract/formTypes';
import { CoseMalformed, decodePayload, keyId, parseSign1, sign1Valid } from './cose';
import { coseBytesOf, QrTextMalformed } from './qrText';
import { statementSchema, type Statement } from './statement';
import { DESK } from '../texts/desk';

interface TrustedFormKey {
  deskCode: string;
  publicKeySpki: string;
  kind: 'own' | 'province' | 'registered';
}

export const VERDICT_TEXT: Record<FormVerdict, { tr: string; en: string }> = DESK.formStatement.verdict;

const MALFORMED_DETAIL: Record<string, { tr: string; en: string }> = DESK.formStatement.malformedDetail;

type TextVerification =
  | { verdict: 'MALFORMED'; message: { tr: string; en: string }; statement: null; coseBytes: number }
  | { verdict: 'UNKNOWN_KEY' | 'BAD_SIGNATURE'; message: { tr: string; en: string }; statement: Statement | null; coseBytes: number }
  | { verdict: 'VALID'; message: { tr: string; en: string }; statement: Statement; coseBytes: number; key: TrustedFormKey };

function malformed(detail: { tr: string; en: string } | null, coseBytes = 0): TextVerification {
  const m = VERDICT_TEXT.MALFORMED;
  return { verdict: 'MALFORMED', message: detail ? { tr: `${m.tr} ${detail.tr}`, en: `${m.en} ${detail.en}` } : m, statement: null, coseBytes };
}

function parseStatement(payload: Uint8Array): Statement | null {
  try {
    const r = statementSchema.safeParse(decodePayload(payload));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export function verifyQrText(text: string, trusted: TrustedFormKey[]): TextVerification {
  let cose: Uint8Array;
  try {
    cose = coseBytesOf(text);
  } catch (e) {
    if (e instanceof QrTextMalformed) return malformed(MALFORMED_DETAIL[e.reason]!);
    throw e;
  }
  let sign1;
  try {
    sign1 = parseSign1(cose);
  } catch (e) {
    if (e instanceof CoseMalformed) return malformed({ tr: `(COSE: ${e.reason})`, en: `(COSE: ${e.reason})` }, cose.length);
    throw e;
  }
  // The signature is checked before the payload is trusted as a statement: a changed byte is a
  // bad signature even where it still decodes.
  const statement = parseStatement(sign1.payload);
  const kid = Buffer.from(sign1.kid);
  const key = trusted.find((k) => kid.equals(keyId(k.publicKeySpki)));
  if (!key) return { verdict: 'UNKNOWN_KEY', message: VERDICT_TEXT.UNKNOWN_KEY, statement, coseBytes: cose.length };
  if (!sign1Valid(sign1, key.publicKeySpki)) return { verdict: 'BAD_SIGNATURE', message: VERDICT_TEXT.BAD_SIGNATURE, statement, coseBytes: cose.length };
  if (!statement) return malformed(DESK.formStatement.notAStatement, cose.length);
  // A desk key vouches for its own desk only (the province key for the province's desks).
  if (key.kind !== 'province' && key.deskCode !== statement.d) {
    return {
      verdict: 'UNKNOWN_KEY',
      statement,
      coseBytes: cose.length,
      message: {
        tr: `${VERDICT_TEXT.UNKNOWN_KEY.tr} ${DESK.formStatement.keyOfOtherDesk.tr(key.deskCode, statement.d)}`,
        en: `${VERDICT_TEXT.UNKNOWN_KEY.en} ${DESK.formStatement.keyOfOtherDesk.en(key.deskCode, statement.d)}`,
      },
    };
  }
  return { verdict: 'VALID', message: VERDICT_TEXT.VALID, statement, coseBytes: cose.length, key };
}
