import type { registrations } from '../../database';

/**
 * Which rule pack decided a registration, as the signed form statement names it: the pack's
 * code, its edition and its SHA-256. The one place that says so: signed pack files with
 * editions (issue 18) change this function, nothing else.
 */
export interface DecisionPackStamp {
  code: string;
  /** 0: the pack built into the app, which has no edition number of its own. */
  edition: number;
  /** SHA-256 (hex) of the pack the decision was made with, as stored on the registration. */
  hash: string;
}

export const BUILT_IN_PACK_EDITION = 0;

export function decisionPackStamp(reg: registrations.RegistrationRow): DecisionPackStamp {
  return { code: reg.program_code, edition: BUILT_IN_PACK_EDITION, hash: reg.pack_hash };
}
