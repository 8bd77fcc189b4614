import type { registrations } from '../../database';
import type { MasaApp } from '../app/masaApp';
import { decisionPackOf } from './packStore';

/**
 * Which rule pack decided a registration, as the signed form statement names it: the pack's
 * code, its edition and its SHA-256 — the same identity (main/rules/packIdentity.ts) the
 * decision panel, the form's small print and the Özet row print.
 */
interface DecisionPackStamp {
  code: string;
  edition: number;
  /** SHA-256 (hex) of the pack the decision was made with, as stored on the registration. */
  hash: string;
}

/** The edition of a pack this desk no longer knows (never expected: packs are kept in the ledger). */
const UNKNOWN_PACK_EDITION = 0;

export function decisionPackStamp(app: MasaApp, reg: registrations.RegistrationRow): DecisionPackStamp {
  const known = decisionPackOf(app, reg.pack_hash);
  if (!known) return { code: reg.program_code, edition: UNKNOWN_PACK_EDITION, hash: reg.pack_hash };
  return { code: known.identity.code, edition: known.identity.edition, hash: known.identity.hash };
}
