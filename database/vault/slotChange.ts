import { randomBytes } from 'node:crypto';
import type { RawDatabase } from './connection';
import { DatabaseError } from '../shared/errors';
import { makeSlot, writeSlotFile, type KdfParams, type Slot, type SlotFile } from './keySlots';

/**
 * Changing a secret (a password, the recovery code) in the order key slots must change, as LUKS
 * does: (1) the new slot is written beside the old one, marked pending with a nonce and the
 * sequence number its event will get; (2) the event that explains the change is committed,
 * naming the nonce; (3) the old slot is retired and the new one loses its mark. A crash or a full
 * disk at any point leaves a folder where exactly one of the two secrets opens, and it is the one
 * the ledger's events say: before (2) is committed the pending slot does not count (and the next
 * open drops it), after it the new slot does (and the next open retires the old one).
 */
export interface SlotChange {
  kind: Slot['kind'];
  username: string;
  secret: string;
}

type PendingMark = NonNullable<Slot['pending']>;

export function newPendingMark(seq: number): PendingMark {
  return { nonce: randomBytes(16).toString('hex'), seq };
}

/** Step (1): the file with the new slots added beside the ones they replace. */
export function withPendingSlots(file: SlotFile, changes: SlotChange[], vaultKey: Buffer, kdf: KdfParams, mark: PendingMark): SlotFile {
  const added = changes.map((c) => ({ ...makeSlot(c.kind, c.username, c.secret, vaultKey, kdf), pending: mark }));
  return { ...file, slots: [...file.slots, ...added] };
}

/** Whether the event a pending mark waits for was committed (it is event `seq` and names the nonce). */
export function markCommitted(db: RawDatabase, mark: PendingMark): boolean {
  const row = db.prepare('SELECT payload FROM events WHERE seq = ?').get(mark.seq) as { payload: string } | undefined;
  if (!row) return false;
  try {
    return (JSON.parse(row.payload) as { data?: { slotChange?: unknown } }).data?.slotChange === mark.nonce;
  } catch {
    return false;
  }
}

/**
 * Step (3), and what an open does with a change it finds unfinished: each pending slot whose
 * event was committed replaces the settled slot(s) of its owner and loses its mark; one whose
 * event was not is dropped.
 */
export function settleSlots(file: SlotFile, committed: (mark: PendingMark) => boolean): SlotFile {
  if (!file.slots.some((s) => s.pending)) return file;
  const verdicts = new Map<string, boolean>();
  const isCommitted = (m: PendingMark) => {
    if (!verdicts.has(m.nonce)) verdicts.set(m.nonce, committed(m));
    return verdicts.get(m.nonce)!;
  };
  const owner = (s: Slot) => `${s.kind}|${s.username}`;
  const replaced = new Set(file.slots.filter((s) => s.pending && isCommitted(s.pending)).map(owner));
  const slots: Slot[] = [];
  for (const s of file.slots) {
    if (s.pending) {
      if (isCommitted(s.pending)) {
        const { pending: _done, ...settled } = s;
        slots.push(settled);
      }
    } else if (!replaced.has(owner(s))) {
      slots.push(s);
    }
  }
  return { ...file, slots };
}

/** Writes a slot file; a full disk is DISK_FULL (nothing of the change is on disk then). */
export function writeSlotsOrDiskFull(path: string, file: SlotFile, crashTag: string): void {
  try {
    writeSlotFile(path, file, crashTag);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new DatabaseError('DISK_FULL', 'no space left for the key slot file');
    throw err;
  }
}
