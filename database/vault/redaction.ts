import type { RawDatabase } from './connection';
import { canonicalJson } from '../shared/canonicalJson';
import { DatabaseError } from '../shared/errors';
import { payloadHash } from '../ledger/hashChain';
import { decodePart, encodePart, listedParts, partHash, readPart } from '../ledger/eventParts';
import { cachedStatement, tableColumns, type StateChange, type StateWriter } from '../ledger/stateWriter';

/**
 * The ledger side of a KVKK erasure (docs/kvkk.md): replace personal fields inside old event
 * payloads while every chained value stays as it was. Only callable inside `Ledger.record`, so
 * the redaction rows, the rewritten payloads and the erasure event that names them commit
 * together or not at all. The trigger on `events` lets a payload change only for sequences a
 * redaction row names; `verify` then demands that the erasure event lists them.
 */

interface StoredPayload {
  seq: number;
  payload: string;
  payloadHash: string;
}

/** Events (before the current one) that changed any of these state rows, e.g. `appointments:06-2019-1`. */
export function eventsTouching(w: StateWriter, refs: readonly string[]): StoredPayload[] {
  const find = cachedStatement(w.db, 'SELECT seq FROM event_refs WHERE ref = ? AND seq < ?');
  const seqs = new Set<number>();
  for (const ref of refs) for (const r of find.all(ref, w.seq) as { seq: number }[]) seqs.add(r.seq);
  const read = cachedStatement(w.db, 'SELECT seq, payload, payload_hash AS payloadHash FROM events WHERE seq = ?');
  return [...seqs].sort((a, b) => a - b).map((s) => read.get(s) as StoredPayload);
}

/** Parsed payload as `Ledger.record` writes it. */
interface EventPayload {
  data: Record<string, unknown>;
  changes: StateChange[];
}

/**
 * Rewrites the payload of `event` to `redacted` and records that the current event (the
 * erasure, sequence `w.seq`) did so. Returns what the erasure event must list.
 */
function redactPayload(w: StateWriter, event: StoredPayload, redacted: EventPayload): RedactionListing {
  return redactPayloadText(w, event, canonicalJson(redacted));
}

function redactPayloadText(w: StateWriter, event: StoredPayload, payload: string): RedactionListing {
  if (!w.db.inTransaction || w.seq <= event.seq) throw new DatabaseError('LEDGER_APPEND_REFUSED', 'redaction outside an erasure');
  cachedStatement(w.db, 'INSERT OR IGNORE INTO event_redactions (seq, erasure_seq) VALUES (?, ?)').run(event.seq, w.seq);
  cachedStatement(w.db, 'UPDATE events SET payload = ? WHERE seq = ?').run(payload, event.seq);
  return { seq: event.seq, payloadHash: event.payloadHash, redactedHash: payloadHash(payload) };
}

/**
 * Rewrites one older event through `edit`, which changes its changes (a part at a time for an
 * event with parts) and its data in place and says whether it changed anything. An event with
 * parts gets its edited parts rewritten and a payload listing their new hashes, so verify
 * reaches every part through the (listed) payload hash. Returns what the erasure lists.
 */
export function rewriteEvent(
  w: StateWriter,
  event: StoredPayload,
  edit: { changes(changes: StateChange[]): boolean; data(data: Record<string, unknown>): void },
): RedactionListing {
  if (!w.db.inTransaction || w.seq <= event.seq) throw new DatabaseError('LEDGER_APPEND_REFUSED', 'redaction outside an erasure');
  const payload = JSON.parse(event.payload) as Partial<EventPayload> & { parts?: string[] };
  const data = payload.data ?? {};
  edit.data(data);
  const parts = listedParts(event.payload);
  if (!parts) {
    const changes = payload.changes ?? [];
    edit.changes(changes);
    return redactPayload(w, event, { data, changes });
  }
  // The redaction row first: the triggers let a part change only for an event one names.
  cachedStatement(w.db, 'INSERT OR IGNORE INTO event_redactions (seq, erasure_seq) VALUES (?, ?)').run(event.seq, w.seq);
  const hashes = parts.map((hash, i) => {
    const text = readPart(w.db, event.seq, i);
    if (text === undefined) throw new DatabaseError('LEDGER_APPEND_REFUSED', `event ${event.seq} misses part ${i}`);
    const changes = decodePart(text);
    if (!edit.changes(changes)) return hash;
    const rewritten = encodePart(changes, (t) => tableColumns(w.db, t));
    cachedStatement(w.db, 'UPDATE event_parts SET payload = ? WHERE seq = ? AND part = ?').run(rewritten, event.seq, i);
    return partHash(rewritten);
  });
  return redactPayloadText(w, event, canonicalJson({ data, parts: hashes }));
}

/**
 * What an erasure event lists per redacted event: the original payload's hash (still chained)
 * and the hash of the payload as it now is, so a later edit of a redacted payload is caught too.
 */
interface RedactionListing {
  seq: number;
  payloadHash: string;
  redactedHash: string;
}

/**
 * After an erasure: rebuild the file so that no free page keeps an old copy (secure_delete
 * already zeroes freed cells; VACUUM also drops the freelist) and empty the WAL, which still
 * holds the pages as they were before.
 */
export function compactAfterErasure(db: RawDatabase): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
