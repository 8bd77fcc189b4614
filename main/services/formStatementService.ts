import { registrations as registrationsQ, type RawDatabase } from '../../database';
import type { FormVerification } from '../../preload/contract/formTypes';
import type { MasaApp } from '../app/masaApp';
import { turkeyParts } from '../domain/turkeyTime';
import { encodePayload, signSign1 } from '../formStatement/cose';
import { qrText } from '../formStatement/qrText';
import { motherBinding, shortHash, statementView, STATEMENT_VERSION, type Statement } from '../formStatement/statement';
import { VERDICT_TEXT, verifyQrText } from '../formStatement/verify';
import { fingerprint } from '../reconciliation';
import { recordAccess } from './accessLog';
import { decisionPackStamp } from './decisionPack';
import { deskKeys, trustedKeys } from './reconciliationService';

/**
 * The signed decision statement of a printed decision document (docs/verify-form.md), and the
 * verification of a scanned one. The statement is made from the registration and its ledger
 * event only, so a reprint carries the same bytes (Ed25519 signatures are deterministic).
 */
/** What the registration row keeps of the decision (rulesAdapter's DecisionView). */
interface StoredDecision {
  supportType: { code: string } | null;
  currency: 'EUR' | 'TL';
  failedRules: { code: string }[];
  missingDocuments: { code: string }[];
}

export function statementOf(app: MasaApp, reg: registrationsQ.RegistrationRow): Statement {
  const db = app.requireStore().db;
  const office = app.officeInfo();
  const event = registrationsQ.decisionEvent(db, reg.registration_no);
  if (!event) throw new Error(`registration ${reg.registration_no} has no registration.recorded event`);
  const decision = JSON.parse(reg.decision) as StoredDecision;
  const pack = decisionPackStamp(app, reg);
  const number = reg.outcome === 'KESIN_KAYIT' ? reg.registration_no : reg.randevu_no;
  // The decision's final-registration date is the Turkey day it was recorded (registration.ts).
  const decidedOn = turkeyParts(new Date(reg.registered_at)).date;
  const base = {
    v: STATEMENT_VERSION,
    p: office.provinceCode,
    d: office.deskCode,
    n: number,
    o: reg.outcome,
    g: pack.code,
    e: pack.edition,
    h: shortHash(pack.hash),
    f: decidedOn,
    q: event.seq,
    x: shortHash(event.hash),
    m: motherBinding(number, reg.mother_tckn),
  } as const;
  if (reg.outcome === 'KESIN_KAYIT') {
    return {
      ...base,
      t: decision.supportType?.code ?? '-',
      a: reg.monthly_amount_cents ?? 0,
      c: decision.currency,
      // The packs take the amount as of the final-registration date and have no later start:
      // support applies from that day. A pack with its own start date would set it here.
      s: decidedOn,
    };
  }
  return reg.outcome === 'RET' ? { ...base, k: decision.failedRules.map((r) => r.code) } : { ...base, b: decision.missingDocuments.map((d) => d.code) };
}

/** The QR text of a registration's document: `MASA1:` + Base45 of the COSE_Sign1 under this desk's key. */
export function signedStatementText(app: MasaApp, reg: registrationsQ.RegistrationRow): string {
  return qrText(signSign1(encodePayload(statementOf(app, reg)), deskKeys(app.requireStore().db)));
}

/**
 * This desk's registration behind a statement it signed: the registration whose decision event
 * the statement names (a refusal names its Randevu No, which a corrected decision shares).
 */
function localDecision(db: RawDatabase, s: Statement): (NonNullable<FormVerification['local']> & { reversed: boolean }) | null {
  const candidates = s.o === 'KESIN_KAYIT' ? [registrationsQ.byNo(db, s.n)].filter((r) => r !== undefined) : registrationsQ.allForAppointment(db, s.n);
  const expectedHash = Buffer.from(s.x).toString('hex');
  for (const reg of candidates) {
    const ev = registrationsQ.decisionEvent(db, reg.registration_no);
    if (!ev || ev.seq !== s.q || !ev.hash.startsWith(expectedHash)) continue;
    // A reversed decision is replaced by the appointment's active one, once the desk has decided again.
    const supersededBy = reg.state === 'REVERSED' ? (registrationsQ.activeForAppointment(db, reg.randevu_no)?.registration_no ?? null) : null;
    return { randevuNo: reg.randevu_no, registrationNo: reg.registration_no, supersededBy, reversed: reg.state === 'REVERSED' };
  }
  return null;
}

/**
 * The verdict on a scanned text. Writes one access-log line (KVKK: who checked which record),
 * nothing else.
 */
export function verifyFormText(app: MasaApp, text: string): FormVerification {
  const db = app.requireStore().db;
  const office = app.officeInfo();
  const v = verifyQrText(text, trustedKeys(db));
  let out: FormVerification;
  if (v.verdict !== 'VALID') {
    out = { verdict: v.verdict, message: v.message, statement: v.statement ? statementView(v.statement) : null, signer: null, coseBytes: v.coseBytes, local: null };
  } else {
    const signer = { deskCode: v.key.deskCode, fingerprint: fingerprint(v.key.publicKeySpki), kind: v.key.kind };
    const own = v.key.kind === 'own' && v.statement.d === office.deskCode && v.statement.p === office.provinceCode;
    const local = own ? localDecision(db, v.statement) : null;
    const superseded = local?.reversed === true;
    out = {
      verdict: superseded ? 'SUPERSEDED' : 'VALID',
      message: superseded ? VERDICT_TEXT.SUPERSEDED : v.message,
      statement: statementView(v.statement),
      signer,
      coseBytes: v.coseBytes,
      local: local ? { randevuNo: local.randevuNo, registrationNo: local.registrationNo, supersededBy: local.supersededBy } : null,
    };
  }
  const entity = out.local ? `appointment:${out.local.randevuNo}` : `form:${out.statement ? `${out.statement.deskCode}:${out.statement.number}` : 'unreadable'}`;
  recordAccess(app, 'verified', entity, { verdict: out.verdict, desk: out.statement?.deskCode ?? null });
  return out;
}
