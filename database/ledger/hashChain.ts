import crypto from 'node:crypto';

/**
 * One-shot SHA-256 (`crypto.hash`, Node >= 20.12 and every Electron we ship) is twice as fast
 * as a createHash object for the short strings of the chain: verify hashes two per event.
 */
const sha256hex: (data: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (data) => (crypto as unknown as { hash(alg: string, data: string, enc: 'hex'): string }).hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

export const GENESIS_HASH = '0'.repeat(64);

interface EventFields {
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
  return sha256hex(payload);
}

/** SHA-256 over a fixed, unambiguous line layout; no field can bleed into another. */
export function eventHash(e: EventFields): string {
  return sha256hex(`${e.seq}\n${e.at}\n${e.userId ?? ''}\n${e.type}\n${e.entity}\n${e.prevHash}\n${e.payloadHash}`);
}
