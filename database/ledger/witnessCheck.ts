import type { RawDatabase } from '../vault/connection';
import { HeadWitness, readWitness, type WitnessKey } from './headWitness';
import type { ChainHead, Ledger } from './ledger';

/**
 * What the witness of the last acknowledged head (headWitness.ts) says about the ledger just
 * opened. Anything but 'ok' means acknowledged writes may be gone: the session opens in rescue.
 */
export type WitnessCheck =
  | { state: 'ok' }
  /** The ledger's head is older than the head that was acknowledged: events were lost. */
  | { state: 'behind'; witnessSeq: number; ledgerSeq: number }
  /** The ledger has the witnessed sequence number, but a different event there: another ledger. */
  | { state: 'forked'; seq: number }
  /** This ledger had a witness (its `meta` says so) and the file is gone. */
  | { state: 'missing' }
  /** The witness file is there but not whole or not authenticated by this ledger's keys. */
  | { state: 'invalid' }
  /** The ledger's own head cannot be read (damaged pages): the start-up check reports that. */
  | { state: 'unknown' };

/** Set in `meta` once a ledger has a witness: from then on a missing witness is a finding. */
const WITNESS_MARK = 'witness.since';

function markWitnessed(db: RawDatabase, head: ChainHead): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(WITNESS_MARK, String(head.seq));
}

/**
 * Compares the ledger with its witness and, when they agree (or `adopt` says the ledger is to be
 * trusted as it is: first setup, a restore of a verified backup), opens the witness for writing,
 * rewritten under the key that opened the ledger. On any finding the witness is left untouched
 * (it is the evidence) and nothing is returned to write with.
 */
export function openWitness(
  file: string,
  db: RawDatabase,
  ledger: Ledger,
  keys: WitnessKey[],
  opening: WitnessKey,
  adopt = false,
): { check: WitnessCheck; witness: HeadWitness | null } {
  let head: ChainHead;
  try {
    head = ledger.head();
  } catch {
    return { check: { state: 'unknown' }, witness: null };
  }
  if (!adopt) {
    const read = readWitness(file, (keyId) => keys.find((k) => k.keyId === keyId)?.key ?? null);
    if (read.state === 'invalid') return { check: { state: 'invalid' }, witness: null };
    if (read.state === 'none') {
      const mark = db.prepare('SELECT value FROM meta WHERE key = ?').get(WITNESS_MARK) as { value: string } | undefined;
      if (mark) return { check: { state: 'missing' }, witness: null };
    } else {
      const w = read.head;
      if (head.seq < w.seq) return { check: { state: 'behind', witnessSeq: w.seq, ledgerSeq: head.seq }, witness: null };
      let hash: string | null;
      try {
        hash = ledger.hashAt(w.seq);
      } catch {
        return { check: { state: 'unknown' }, witness: null };
      }
      // Sequence 0 is the empty ledger: nothing to compare.
      if (w.seq > 0 && hash !== w.hash) return { check: { state: 'forked', seq: w.seq }, witness: null };
      // Already naming this head under this key: keep the file, only open it.
    }
  }
  markWitnessed(db, head);
  return { check: { state: 'ok' }, witness: HeadWitness.fresh(file, head, opening) };
}
