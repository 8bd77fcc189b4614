import type { RawDatabase } from '../vault/connection';
import { listedParts, partCount, partHash, readPart } from './eventParts';
import { eventHash, GENESIS_HASH, payloadHash } from './hashChain';

type VerifyProblem =
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
 * A stretch of the chain walked on its own: the events with `from <= seq <= to` (`to` null: to
 * the end), walked as if the event before `from` had hash `prev`. Stretches can be walked on
 * separate connections (worker threads, database/backup/chainWorkers.ts) and joined after
 * (joinWalks): each event's hashes depend on that event alone, only the links cross a boundary.
 */
export interface ChainStretch {
  from: number;
  to: number | null;
  prev: string;
}

/** What one stretch's walk found: enough to join it to the stretches before it exactly. */
export interface StretchWalk {
  /** The first event in the stretch, or null if it holds none. */
  first: number | null;
  /** Events that passed, up to the first bad one. */
  checked: number;
  /** The last event that passed. */
  last: { seq: number; hash: string } | null;
  bad: { seq: number; problem: VerifyProblem } | null;
  /** Events that passed and keep their changes in parts (checked after the walk). */
  parted: { seq: number; hashes: string[] }[];
}

/** Per erased sequence, the hash its payload must have now (checkRedactions). */
type Redactions = ReadonlyMap<number, string>;

/** Called with each event that passed, in order (replay collects its changes this way, in the same read). */
type EventSink = (seq: number, payload: string) => void;

/**
 * Walks the hash chain from `fromSeq` (1 = everything) and names the first event that does not
 * fit. Starting later trusts the event before `fromSeq` (a point verified earlier).
 */
export function verifyChain(db: RawDatabase, fromSeq = 1): VerifyResult {
  return verifyChainWith(db, fromSeq, (plan) => plan.stretches.map((s) => walkStretch(db, s, plan.redacted)));
}

/** How the stretches of a walk are split and who walks them (this thread, or worker threads). */
interface WalkPlan {
  stretches: ChainStretch[];
  redacted: Redactions;
}

/**
 * verifyChain with the walk of the events handed to `walk` (one stretch from `fromSeq` to the
 * end, or `split` stretches of about equal length): the erasure listings, the parts, the head
 * and the joining of the stretches are checked here, on `db`, the same way whoever walks.
 */
export function verifyChainWith(db: RawDatabase, fromSeq: number, walk: (plan: WalkPlan) => StretchWalk[], split = 1): VerifyResult {
  let prev = GENESIS_HASH;
  if (fromSeq > 1) {
    const before = db.prepare('SELECT hash FROM events WHERE seq = ?').get(fromSeq - 1) as { hash: string } | undefined;
    if (!before) return bad(0, fromSeq - 1, 'SEQ_GAP', fromSeq - 1, '');
    prev = before.hash;
  }
  const redacted = checkRedactions(db);
  if (typeof redacted === 'number') return bad(0, redacted, 'REDACTION_UNLISTED', fromSeq - 1, prev);
  const stretches = planStretches(db, fromSeq, prev, split);
  const joined = joinWalks(stretches, walk({ stretches, redacted }), fromSeq, prev);
  const { checked } = joined;
  // Parts are read after the walk (one connection, one open statement): the first bad part
  // before the walk's own finding is the first problem.
  const badPart = checkParts(db, joined.parted, fromSeq);
  const walked = joined.bad;
  if (badPart !== null && (!walked || badPart < walked.seq)) {
    return { ok: false, checked, headSeq: badPart, headHash: '', firstBad: { seq: badPart, problem: 'PART_MISMATCH' } };
  }
  if (walked) return { ok: false, checked, headSeq: walked.seq, headHash: joined.prev, firstBad: walked };
  const head = db.prepare('SELECT seq, hash FROM chain_head WHERE id = 1').get() as { seq: number; hash: string };
  const lastSeq = joined.expectedSeq - 1;
  if (head.seq !== lastSeq || (lastSeq > 0 && head.hash !== joined.prev)) {
    return bad(checked, Math.min(head.seq, lastSeq) + 1, 'HEAD_MISMATCH', lastSeq, joined.prev);
  }
  return { ok: true, checked, headSeq: lastSeq, headHash: lastSeq === 0 ? GENESIS_HASH : joined.prev };
}

/**
 * `split` stretches of about equal length between `fromSeq` and the highest stored sequence;
 * the last one open-ended. Each starts from the stored hash of the event before it (read here
 * by primary key); where that event is missing the join names the gap, whatever the stretch assumed.
 */
export function planStretches(db: RawDatabase, fromSeq: number, prev: string, split: number): ChainStretch[] {
  const maxSeq = (db.prepare('SELECT max(seq) FROM events').pluck().get() as number | null) ?? 0;
  const n = Math.max(1, Math.min(split, maxSeq - fromSeq + 1));
  if (n === 1) return [{ from: fromSeq, to: null, prev }];
  const size = Math.ceil((maxSeq - fromSeq + 1) / n);
  const hashAt = db.prepare('SELECT hash FROM events WHERE seq = ?').pluck();
  const out: ChainStretch[] = [];
  for (let i = 0; i < n; i++) {
    const from = fromSeq + i * size;
    out.push({ from, to: i === n - 1 ? null : from + size - 1, prev: i === 0 ? prev : ((hashAt.get(from - 1) as string | undefined) ?? '') });
  }
  return out;
}

/**
 * Walks one stretch as verifyChain always walked the chain: rows come raw (arrays, no objects
 * per row), each event's two hashes are recomputed with node:crypto's one-shot SHA-256, the
 * link to the event before is a string compare. Stops at the first event that does not fit.
 */
export function walkStretch(db: RawDatabase, stretch: ChainStretch, redacted: Redactions, sink?: EventSink): StretchWalk {
  const rows = (
    stretch.to === null
      ? db.prepare('SELECT seq, at, user_id, type, entity, payload, payload_hash, prev_hash, hash FROM events WHERE seq >= ? ORDER BY seq').raw().iterate(stretch.from)
      : db
          .prepare('SELECT seq, at, user_id, type, entity, payload, payload_hash, prev_hash, hash FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq')
          .raw()
          .iterate(stretch.from, stretch.to)
  ) as IterableIterator<[number, string, number | null, string, string, string, string, string, string]>;
  const out: StretchWalk = { first: null, checked: 0, last: null, bad: null, parted: [] };
  let expectedSeq = stretch.from;
  let prev = stretch.prev;
  const stop = (seq: number, problem: VerifyProblem) => {
    rows.return?.(); // release the statement so the connection can be used again
    out.bad = { seq, problem };
    // The chain reached the last event that passed: its hash is the answer's headHash.
    if (expectedSeq > stretch.from) out.last = { seq: expectedSeq - 1, hash: prev };
    return out;
  };
  for (const [seq, at, userId, type, entity, payload, storedPayloadHash, prevHash, hash] of rows) {
    out.first ??= seq;
    if (seq !== expectedSeq) return stop(seq, 'SEQ_GAP');
    if (prevHash !== prev) return stop(seq, 'PREV_MISMATCH');
    if (eventHash({ seq, at, userId, type, entity, payloadHash: storedPayloadHash, prevHash }) !== hash) return stop(seq, 'HASH_MISMATCH');
    // An erased payload must match what the (chained) erasure event says it became.
    if (payloadHash(payload) !== (redacted.get(seq) ?? storedPayloadHash)) return stop(seq, 'HASH_MISMATCH');
    const listed = listedParts(payload);
    if (listed) out.parted.push({ seq, hashes: listed });
    sink?.(seq, payload);
    prev = hash;
    expectedSeq = seq + 1;
    out.checked++;
  }
  if (expectedSeq > stretch.from) out.last = { seq: expectedSeq - 1, hash: prev };
  return out;
}

/**
 * Joins stretch walks into the answer one walk from `fromSeq` would have given. A stretch's
 * walk holds where the chain really arrived at its start (the stretch before ended on the event
 * just before it); otherwise the one walk would have stopped at this stretch's first event with
 * a gap, whatever the stretch found.
 */
function joinWalks(
  stretches: readonly ChainStretch[],
  walks: readonly StretchWalk[],
  fromSeq: number,
  prev: string,
): { bad: { seq: number; problem: VerifyProblem } | null; checked: number; expectedSeq: number; prev: string; parted: StretchWalk['parted'] } {
  let expectedSeq = fromSeq;
  let checked = 0;
  const parted: StretchWalk['parted'] = [];
  for (let i = 0; i < stretches.length; i++) {
    const s = stretches[i]!;
    const w = walks[i]!;
    if (expectedSeq !== s.from) {
      if (w.first !== null) return { bad: { seq: w.first, problem: 'SEQ_GAP' }, checked, expectedSeq, prev, parted };
      continue;
    }
    checked += w.checked;
    parted.push(...w.parted);
    if (w.last) {
      expectedSeq = w.last.seq + 1;
      prev = w.last.hash;
    }
    if (w.bad) return { bad: w.bad, checked, expectedSeq, prev, parted };
  }
  return { bad: null, checked, expectedSeq, prev, parted };
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

function bad(checked: number, seq: number, problem: VerifyProblem, headSeq: number, headHash: string): VerifyResult {
  return { ok: false, checked, headSeq, headHash, firstBad: { seq, problem } };
}
