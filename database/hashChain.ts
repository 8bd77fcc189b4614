import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventFields {
  seq: number;
  at: string;
  userId: number | null;
  type: string;
  entity: string;
  /** SHA-256 of the canonical JSON payload, stored beside it (see payloadHash). */
  payloadHash: string;
  prevHash: string;
}

/**
 * The chain covers the payload through its hash, not its bytes: a KVKK erasure may replace
 * personal fields in an old payload (docs/kvkk.md) while the stored payload hash, and so every
 * event hash after it, stays as it was. verify still checks each payload against its hash,
 * except for payloads a chained erasure event names.
 */
export function payloadHash(payload: string): string {
  return createHash('sha256').update(payload).digest('hex');
}

/** SHA-256 over a fixed, unambiguous line layout; no field can bleed into another. */
export function eventHash(e: EventFields): string {
  return createHash('sha256')
    .update(`${e.seq}\n${e.at}\n${e.userId ?? ''}\n${e.type}\n${e.entity}\n${e.prevHash}\n${e.payloadHash}`)
    .digest('hex');
}
