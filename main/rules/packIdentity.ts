import { packHash } from './engine';
import type { RulePack } from './schema';

/**
 * The one place that says which pack made a decision: the decision panel, the form's small
 * print, the Özet row `Kural Paketleri` and the form's QR all print this, never their own mix.
 */
export interface PackIdentity {
  code: string;
  edition: number;
  hash: string;
  /** The first 8 hex digits of the hash: what a person compares. */
  shortHash: string;
  /** `BAKICI-2020#2:1a2b3c4d` */
  label: string;
}

export function packIdentity(p: { packCode: string; packEdition: number; packHash: string }): PackIdentity {
  const shortHash = p.packHash.slice(0, 8);
  return { code: p.packCode, edition: p.packEdition, hash: p.packHash, shortHash, label: `${p.packCode}#${p.packEdition}:${shortHash}` };
}

export function identityOfPack(pack: RulePack): PackIdentity {
  return packIdentity({ packCode: pack.code, packEdition: pack.edition, packHash: packHash(pack) });
}
