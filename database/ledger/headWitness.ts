import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomicFile';

/**
 * The witness of the last acknowledged chain head: a small file beside the ledger (`masa.head`)
 * that holds the sequence number and hash of the newest committed event, under an HMAC whose
 * key is derived from the data key. The ledger cannot tell by itself that its newest events are
 * gone: after a lost or damaged `-wal` (or an older copy of the file put back) the chain is
 * consistent up to its last surviving event. Compared at every open, the witness says "events up
 * to #N were acknowledged", so a ledger whose head is older than that is known to have lost
 * acknowledged writes (docs/security.md says what this detects and what it cannot).
 *
 * Layout: two fixed-size slots. Each commit overwrites the older slot in place, on a file that
 * stays open (no rename, no folder sync per commit), before the commit is answered: from then on
 * the head is in the operating system's cache and survives any crash of the process. Its
 * fdatasync is batched: it runs once the current turn of the event loop is over (after the
 * answer; a burst of commits shares one), and at close. It is written only after SQLite's own
 * synced COMMIT, so it is never ahead of what is durable: a power cut before the batched sync can
 * leave it one turn behind (the safe direction: it cannot report a false loss, only miss a loss
 * of that last turn's writes). bench/ledger.ts: a sync per commit on the hot path took 44% of
 * the append rate. A write torn by a crash damages only the slot being written; the other slot
 * still holds the previous head. A new witness (first open, a restore, a rekey) is written whole
 * by atomic rename.
 */
export const HEAD_WITNESS_FILE = 'masa.head';

const SLOT_BYTES = 256;
/** HKDF info: a key for this purpose only, never the data key itself. */
const WITNESS_KEY_INFO = 'masa head witness v1';

interface WitnessedHead {
  seq: number;
  hash: string;
}

export interface WitnessKey {
  keyId: string;
  key: Buffer;
}

const slotSchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().nonnegative(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

function macOf(key: Buffer, seq: number, hash: string, keyId: string): Buffer {
  const k = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), WITNESS_KEY_INFO, 32));
  return createHmac('sha256', k).update(`masa-head|1|${seq}|${hash}|${keyId}`).digest();
}

function slotBytes(head: WitnessedHead, key: WitnessKey): Buffer {
  const text = JSON.stringify({ v: 1, seq: head.seq, hash: head.hash, keyId: key.keyId, mac: macOf(key.key, head.seq, head.hash, key.keyId).toString('hex') });
  const out = Buffer.alloc(SLOT_BYTES, 0x20);
  out.write(text, 'utf8');
  out[SLOT_BYTES - 1] = 0x0a;
  return out;
}

type WitnessRead =
  | { state: 'none' }
  /** The file is there but no slot is whole and authenticated by a key of this ledger. */
  | { state: 'invalid' }
  | { state: 'ok'; head: WitnessedHead; keyId: string; slot: number };

/** Reads the newest valid slot; `keyFor` gives the data key of a key id listed in the slot file. */
export function readWitness(file: string, keyFor: (keyId: string) => Buffer | null): WitnessRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    return { state: 'invalid' };
  }
  let best: Extract<WitnessRead, { state: 'ok' }> | null = null;
  for (let slot = 0; slot < 2; slot++) {
    const text = bytes.subarray(slot * SLOT_BYTES, (slot + 1) * SLOT_BYTES).toString('utf8').trim();
    let parsed: z.infer<typeof slotSchema>;
    try {
      parsed = slotSchema.parse(JSON.parse(text));
    } catch {
      continue;
    }
    const key = keyFor(parsed.keyId);
    if (!key) continue;
    const want = macOf(key, parsed.seq, parsed.hash, parsed.keyId);
    if (!timingSafeEqual(want, Buffer.from(parsed.mac, 'hex'))) continue;
    if (!best || parsed.seq > best.head.seq) best = { state: 'ok', head: { seq: parsed.seq, hash: parsed.hash }, keyId: parsed.keyId, slot };
  }
  return best ?? { state: 'invalid' };
}

/**
 * The open witness of an unlocked ledger: `record` writes each newly committed head into it.
 * Created by `HeadWitness.fresh`, which first writes the whole file atomically.
 */
export class HeadWitness {
  private next = 0;
  private last: WitnessedHead;

  private constructor(
    private readonly fd: number,
    private readonly key: WitnessKey,
    head: WitnessedHead,
  ) {
    this.last = head;
  }

  /** Writes a new witness file naming `head` in both slots (atomic rename), then keeps it open. */
  static fresh(file: string, head: WitnessedHead, key: WitnessKey): HeadWitness {
    const one = slotBytes(head, key);
    writeFileAtomic(file, Buffer.concat([one, one]), 'witness');
    return new HeadWitness(fs.openSync(file, 'r+'), key, head);
  }

  get head(): WitnessedHead {
    return this.last;
  }

  /** Records a committed head (the same head twice is written once); its sync follows this turn. */
  write(head: WitnessedHead): void {
    if (head.seq === this.last.seq && head.hash === this.last.hash) return;
    fs.writeSync(this.fd, slotBytes(head, this.key), 0, SLOT_BYTES, this.next * SLOT_BYTES);
    this.next ^= 1;
    this.last = head;
    if (!this.syncPending) {
      this.syncPending = setImmediate(() => this.sync());
      // A command line does not wait for it: close() syncs.
      this.syncPending.unref();
    }
  }

  private syncPending: NodeJS.Immediate | null = null;
  private closed = false;

  /** Flushes the written heads to the disk (batched after each turn, and at close). */
  sync(): void {
    if (this.syncPending) clearImmediate(this.syncPending);
    this.syncPending = null;
    if (this.closed) return;
    try {
      fs.fdatasyncSync(this.fd);
    } catch {
      /* a failing disk: the witness may lag, the safe direction; SQLite reports the disk itself */
    }
  }

  close(): void {
    this.sync();
    this.closed = true;
    try {
      fs.closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }
}
