import type { RawDatabase } from '../vault/connection';
import { canonicalJson } from '../shared/canonicalJson';
import { DatabaseError, translateSqliteError } from '../shared/errors';
import { eventHash, GENESIS_HASH, payloadHash } from './hashChain';
import { changeRef, PART_CHANGES, PartWriter, writeRefs } from './eventParts';
import { cachedStatement, StateWriter } from './stateWriter';
import { crashPoint } from '../files/crashPoints';

export interface EventInput {
  type: string;
  /** What the event is about, e.g. `appointment:06-2019-004711`, `user:3`, `import`. */
  entity: string;
  userId: number | null;
}

export interface StoredEvent {
  seq: number;
  at: string;
  userId: number | null;
  type: string;
  entity: string;
  payload: string;
  payloadHash: string;
  prevHash: string;
  hash: string;
}

/** One turn of the event loop (setImmediate: I/O and timers get theirs too). */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Appends events and applies the state changes they explain in one IMMEDIATE transaction:
 * either both are on disk or neither is.
 */
export class Ledger {
  constructor(
    readonly db: RawDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Told the chain head each time a write is committed (the open ledger's witness of its last
   * acknowledged head, headWitness.ts), before the write is answered.
   */
  onCommitted: ((head: ChainHead) => void) | null = null;

  /**
   * Puts store whole rows, as schema 80 wrote them, instead of the changed columns (stateWriter.ts):
   * only for the benches' baseline and for tests that make a ledger of the previous release.
   */
  wholeRows = false;
  private committedQueued = false;

  record<T>(input: EventInput, mutate: (w: StateWriter) => T): { event: StoredEvent; result: T } {
    this.refuseWhileStepping();
    const run = this.db.transaction(() => {
      const open = this.open();
      const result = mutate(open.w);
      return { event: this.close(input, open), result };
    });
    let done: { event: StoredEvent; result: T };
    try {
      done = run.immediate();
    } catch (err) {
      throw translateSqliteError(err);
    }
    this.committed();
    // Crash tests kill the process here: committed and witnessed, not yet checkpointed.
    crashPoint(`committed:${input.type}`);
    return done;
  }

  /**
   * Passes the committed head on. Inside a caller's own transaction (several events in one,
   * e.g. a day close) nothing is committed yet: the head is passed once that transaction has
   * ended, in a microtask, which runs before the handler's answer leaves (the dispatcher awaits).
   * The head is read afresh then, so a transaction that rolled back passes the old head.
   */
  private committed(): void {
    if (!this.onCommitted) return;
    if (this.db.open && this.db.inTransaction) {
      if (this.committedQueued) return;
      this.committedQueued = true;
      queueMicrotask(() => {
        this.committedQueued = false;
        if (this.db.open && this.db.inTransaction) setImmediate(() => this.committed());
        else this.committed();
      });
      return;
    }
    if (this.db.open) this.onCommitted(this.head());
  }

  /** The hash of event `seq`, or null if the ledger has no such event. */
  hashAt(seq: number): string | null {
    const row = cachedStatement(this.db, 'SELECT hash FROM events WHERE seq = ?').get(seq) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /**
   * `record` for a write too large to make without a turn of the event loop (an import of
   * HQ's whole list: 4-8 s for 160,000 rows): `mutate` awaits `pause()` between batches, which
   * lets the process answer the screen (progress, a cancel) meanwhile. Still one IMMEDIATE
   * transaction with one event; a throw anywhere rolls it back.
   *
   * While it runs, the same connection must not be written or read by anything else: a read
   * would see the unfinished rows, a write would join this transaction. The handler table
   * holds every other request back until it ends (MasaApp.exclusive), and `record` refuses.
   */
  async recordInSteps<T>(input: EventInput, mutate: (w: StateWriter, pause: () => Promise<void>) => Promise<T>): Promise<{ event: StoredEvent; result: T }> {
    this.refuseWhileStepping();
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      throw translateSqliteError(err);
    }
    this.stepping = true;
    try {
      const open = this.open();
      const result = await mutate(open.w, pause);
      const event = this.close(input, open);
      this.db.exec('COMMIT');
      this.stepping = false;
      this.committed();
      crashPoint(`committed:${input.type}`);
      return { event, result };
    } catch (err) {
      // A closed connection (the app shut down meanwhile) has rolled back already.
      if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
      throw translateSqliteError(err);
    } finally {
      this.stepping = false;
    }
  }

  /** Whether a recordInSteps transaction is open on this connection. */
  get isStepping(): boolean {
    return this.stepping;
  }

  private stepping = false;

  private refuseWhileStepping(): void {
    if (this.stepping) throw new DatabaseError('LEDGER_APPEND_REFUSED', 'a stepped write is open on this connection');
  }

  /** Starts an event inside the open transaction: its sequence number and state writer. */
  private open(): { seq: number; w: StateWriter; parts: () => PartWriter | null } {
    const seq = this.head().seq + 1;
    let parts: PartWriter | null = null;
    const w = new StateWriter(this.db, seq, () => (parts = new PartWriter(this.db, seq, PART_CHANGES)), PART_CHANGES, this.wholeRows);
    return { seq, w, parts: () => parts };
  }

  /** Ends the event: its last part, payload, chain link and refs. */
  private close(input: EventInput, { seq, w, parts }: ReturnType<Ledger['open']>): StoredEvent {
    // A large event keeps its changes in parts (eventParts.ts); the rest stay inline.
    w.flush();
    const written = parts();
    const payload = written ? canonicalJson({ data: w.data, parts: written.hashes }) : canonicalJson({ data: w.data, changes: w.changes });
    const event = this.append(input, payload);
    if (!written) writeRefs(this.db, w.changes.map(changeRef), seq);
    // Crash tests kill the process here: everything is written but not committed.
    crashPoint(`record:${input.type}`);
    return event;
  }

  head(): ChainHead {
    return cachedStatement(this.db, 'SELECT seq, hash FROM chain_head WHERE id = 1').get() as ChainHead;
  }

  private append(input: EventInput, payload: string): StoredEvent {
    if (!this.db.inTransaction) throw new DatabaseError('LEDGER_APPEND_REFUSED', 'append outside a transaction');
    const head = this.head();
    const e = {
      seq: head.seq + 1,
      at: this.now().toISOString(),
      userId: input.userId,
      type: input.type,
      entity: input.entity,
      payload,
      payloadHash: payloadHash(payload),
      prevHash: head.seq === 0 ? GENESIS_HASH : head.hash,
    };
    const hash = eventHash(e);
    cachedStatement(
      this.db,
      'INSERT INTO events (seq, at, user_id, type, entity, payload, payload_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(e.seq, e.at, e.userId, e.type, e.entity, e.payload, e.payloadHash, e.prevHash, hash);
    return { ...e, hash };
  }
}
