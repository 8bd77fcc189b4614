import type { RawDatabase } from './connection';
import { eventHash, GENESIS_HASH } from './hashChain';

export type VerifyProblem =
  | 'HASH_MISMATCH' // the event's content was edited
  | 'PREV_MISMATCH' // an event before it was removed, replaced or reordered
  | 'SEQ_GAP' // a sequence number is missing (deleted) or out of order
  | 'HEAD_MISMATCH'; // events at the end were removed, or the head was moved

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBad?: { seq: number; problem: VerifyProblem };
}

/**
 * Walks the hash chain from `fromSeq` (1 = everything) and names the first event that does not
 * fit. Starting later trusts the event before `fromSeq` (a point verified earlier).
 */
export function verifyChain(db: RawDatabase, fromSeq = 1): VerifyResult {
  let expectedSeq = fromSeq;
  let prev = GENESIS_HASH;
  if (fromSeq > 1) {
    const before = db.prepare('SELECT hash FROM events WHERE seq = ?').get(fromSeq - 1) as { hash: string } | undefined;
    if (!before) return bad(0, fromSeq - 1, 'SEQ_GAP', fromSeq - 1, '');
    prev = before.hash;
  }
  let checked = 0;
  const rows = db
    .prepare('SELECT seq, at, user_id, type, entity, payload, prev_hash, hash FROM events WHERE seq >= ? ORDER BY seq')
    .raw()
    .iterate(fromSeq) as IterableIterator<[number, string, number | null, string, string, string, string, string]>;
  for (const [seq, at, userId, type, entity, payload, prevHash, hash] of rows) {
    if (seq !== expectedSeq) return bad(checked, seq, 'SEQ_GAP', seq, prev, rows);
    if (prevHash !== prev) return bad(checked, seq, 'PREV_MISMATCH', seq, prev, rows);
    if (eventHash({ seq, at, userId, type, entity, payload, prevHash }) !== hash) {
      return bad(checked, seq, 'HASH_MISMATCH', seq, prev, rows);
    }
    prev = hash;
    expectedSeq = seq + 1;
    checked++;
  }
  const head = db.prepare('SELECT seq, hash FROM chain_head WHERE id = 1').get() as { seq: number; hash: string };
  const lastSeq = expectedSeq - 1;
  if (head.seq !== lastSeq || (lastSeq > 0 && head.hash !== prev)) {
    return bad(checked, Math.min(head.seq, lastSeq) + 1, 'HEAD_MISMATCH', lastSeq, prev);
  }
  return { ok: true, checked, headSeq: lastSeq, headHash: lastSeq === 0 ? GENESIS_HASH : prev };
}

function bad(
  checked: number,
  seq: number,
  problem: VerifyProblem,
  headSeq: number,
  headHash: string,
  open?: IterableIterator<unknown>,
): VerifyResult {
  open?.return?.(); // release the statement so the connection can be used again
  return { ok: false, checked, headSeq, headHash, firstBad: { seq, problem } };
}
