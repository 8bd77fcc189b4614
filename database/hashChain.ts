import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventFields {
  seq: number;
  at: string;
  userId: number | null;
  type: string;
  entity: string;
  payload: string;
  prevHash: string;
}

/**
 * SHA-256 over a fixed, unambiguous line layout. The payload is already canonical JSON and
 * comes last, so no field can bleed into another.
 */
export function eventHash(e: EventFields): string {
  return createHash('sha256')
    .update(`${e.seq}\n${e.at}\n${e.userId ?? ''}\n${e.type}\n${e.entity}\n${e.prevHash}\n`)
    .update(e.payload)
    .digest('hex');
}
