import type { RawDatabase } from '../vault/connection';
import { listedParts, partCount, partHash, readPart } from './eventParts';
import { eventHash, GENESIS_HASH, payloadHash } from './hashChain';

export type VerifyProblem =
  | 'HASH_MISMATCH' // the event's content was edited
  | 'PREV_MISMATCH' // an event before it was removed, replaced or reordered
  | 'SEQ_GAP' // a sequence number is missing (deleted) or out of order
  | 'HEAD_MISMATCH' // events at the end were removed, or the head was moved
  | 'REDACTION_UNLISTED' // a payload was replaced without a chained erasure event naming it
  | 'PART_MISMATCH'; // a part of a large event was edited, removed or added (eventParts.ts)

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
  const redacted = checkRedactions(db);
  if (typeof redacted === 'number') return bad(0, redacted, 'REDACTION_UNLISTED', fromSeq - 1, prev);
  let checked = 0;
  const parted: { seq: number; hashes: string[] }[] = [];
  const walk = (): { seq: number; problem: VerifyProblem } | null => {
    const rows = db
      .prepare('SELECT seq, at, user_id, type, entity, payload, payload_hash, prev_hash, hash FROM events WHERE seq >= ? ORDER BY seq')
      .raw()
      .iterate(fromSeq) as IterableIterator<[number, string, number | null, string, string, string, string, string, string]>;
    const stop = (seq: number, problem: VerifyProblem) => {
      rows.return?.(); // release the statement so the connection can be used again
      return { seq, problem };
    };
    for (const [seq, at, userId, type, entity, payload, storedPayloadHash, prevHash, hash] of rows) {
      if (seq !== expectedSeq) return stop(seq, 'SEQ_GAP');
      if (prevHash !== prev) return stop(seq, 'PREV_MISMATCH');
      if (eventHash({ seq, at, userId, type, entity, payloadHash: storedPayloadHash, prevHash }) !== hash) return stop(seq, 'HASH_MISMATCH');
      // An erased payload must match what the (chained) erasure event says it became.
      if (payloadHash(payload) !== (redacted.get(seq) ?? storedPayloadHash)) return stop(seq, 'HASH_MISMATCH');
      const listed = listedParts(payload);
      if (listed) parted.push({ seq, hashes: listed });
      prev = hash;
      expectedSeq = seq + 1;
      checked++;
    }
    return null;
  };
  const walked = walk();
  // Parts are read after the walk (one connection, one open statement): the first bad part
  // before the walk's own finding is the first problem.
  const badPart = checkParts(db, parted, fromSeq);
  if (badPart !== null && (!walked || badPart < walked.seq)) {
    return { ok: false, checked, headSeq: badPart, headHash: '', firstBad: { seq: badPart, problem: 'PART_MISMATCH' } };
  }
  if (walked) return { ok: false, checked, headSeq: walked.seq, headHash: prev, firstBad: walked };
  const head = db.prepare('SELECT seq, hash FROM chain_head WHERE id = 1').get() as { seq: number; hash: string };
  const lastSeq = expectedSeq - 1;
  if (head.seq !== lastSeq || (lastSeq > 0 && head.hash !== prev)) {
    return bad(checked, Math.min(head.seq, lastSeq) + 1, 'HEAD_MISMATCH', lastSeq, prev);
  }
  return { ok: true, checked, headSeq: lastSeq, headHash: lastSeq === 0 ? GENESIS_HASH : prev };
}

/**
 * Every part of a parted event must be there, in order, with the hash its (verified) payload
 * lists; a part no walked event lists (an orphan, or one of an event that keeps its changes
 * inline) is a forgery too. Returns the first sequence that fails, or null.
 */
function checkParts(db: RawDatabase, parted: readonly { seq: number; hashes: string[] }[], fromSeq: number): number | null {
  let first: number | null = null;
  const listed = new Set(parted.map((p) => p.seq));
  const withParts = db.prepare('SELECT DISTINCT seq FROM event_parts WHERE seq >= ? ORDER BY seq').pluck().all(fromSeq) as number[];
  for (const seq of withParts) {
    if (!listed.has(seq)) {
      first = seq;
      break;
    }
  }
  for (const p of parted) {
    if (first !== null && p.seq >= first) break;
    const ok = partCount(db, p.seq) === p.hashes.length && p.hashes.every((h, i) => {
      const text = readPart(db, p.seq, i);
      return text !== undefined && partHash(text) === h;
    });
    if (!ok) return p.seq;
  }
  return first;
}

/** The erasure event type; its payload lists every event it redacted (docs/kvkk.md). */
export const ERASURE_EVENT = 'kvkk.erased';

/**
 * Every redaction row must be named, with the event's chained payload hash, by the erasure
 * event it points to, and that event must be a real erasure that is not itself redacted.
 * Returns, per redacted sequence, the hash its payload must have now (the latest erasure's
 * listing), or the first sequence that fails.
 */
function checkRedactions(db: RawDatabase): Map<number, string> | number {
  const rows = db.prepare('SELECT seq, erasure_seq FROM event_redactions ORDER BY erasure_seq, seq').all() as { seq: number; erasure_seq: number }[];
  const redactedSeqs = new Set(rows.map((r) => r.seq));
  const current = new Map<number, string>();
  const listings = new Map<number, Map<number, { payloadHash: string; redactedHash: string }>>();
  const eventAt = db.prepare('SELECT type, payload, payload_hash FROM events WHERE seq = ?');
  for (const r of rows) {
    let listed = listings.get(r.erasure_seq);
    if (!listed) {
      const e = eventAt.get(r.erasure_seq) as { type: string; payload: string } | undefined;
      if (!e || e.type !== ERASURE_EVENT || redactedSeqs.has(r.erasure_seq)) return r.seq;
      listed = new Map();
      try {
        type Listing = { seq: number; payloadHash: string; redactedHash: string };
        const list = (JSON.parse(e.payload) as { data?: { redacted?: Listing[] } }).data?.redacted ?? [];
        for (const x of list) listed.set(x.seq, x);
      } catch {
        return r.seq;
      }
      listings.set(r.erasure_seq, listed);
    }
    const target = eventAt.get(r.seq) as { payload_hash: string } | undefined;
    const entry = listed.get(r.seq);
    if (!target || !entry || r.seq >= r.erasure_seq || entry.payloadHash !== target.payload_hash) return r.seq;
    current.set(r.seq, entry.redactedHash); // rows come in erasure order: the latest wins
  }
  // An erasure listing an event without its redaction row (or the reverse) is also a forgery.
  const pairs = new Set(rows.map((r) => `${r.seq}:${r.erasure_seq}`));
  for (const [erasureSeq, listed] of listings) for (const seq of listed.keys()) if (!pairs.has(`${seq}:${erasureSeq}`)) return seq;
  return current;
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
