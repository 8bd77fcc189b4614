/**
 * The verdict on a scanned form QR (a signed decision statement, docs/verify-form.md): what
 * `verify-form` prints and what the find box shows.
 */
export type FormVerdict = 'VALID' | 'SUPERSEDED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' | 'MALFORMED';

/** A decision statement as a screen or `--json` shows it (main/formStatement/statement.ts statementView). */
export interface FormStatementView {
  version: number;
  provinceCode: string;
  deskCode: string;
  /** Registration number (Kesin Kayıt) or Randevu No (a refusal notice). */
  number: string;
  outcome: 'KESIN_KAYIT' | 'RET' | 'EKSIK_EVRAK';
  programCode: string;
  packEdition: number;
  packHash: string;
  supportType: string | null;
  monthlyAmountMinor: number | null;
  currency: 'EUR' | 'TL' | null;
  supportFrom: string | null;
  decidedOn: string;
  eventSeq: number;
  eventHash: string;
  motherHash: string;
  ruleCodes: string[];
  missingDocumentCodes: string[];
}

export interface FormVerification {
  verdict: FormVerdict;
  message: { tr: string; en: string };
  /** The decoded statement; for BAD_SIGNATURE and UNKNOWN_KEY it is what the QR claims, unproven. Null when malformed. */
  statement: FormStatementView | null;
  /** The key that signed it (VALID, SUPERSEDED). */
  signer: { deskCode: string; fingerprint: string; kind: 'own' | 'province' | 'registered' } | null;
  /** Length of the COSE_Sign1 bytes in the QR (0 when they could not be read). */
  coseBytes: number;
  /** This desk's record of the decision (own forms only): the find box opens its appointment. */
  local: { randevuNo: string; registrationNo: string; supersededBy: string | null } | null;
}
