import type { RawDatabase } from './connection';
import { canonicalJson } from './canonicalJson';
import { DatabaseError, translateSqliteError } from './errors';
import { eventHash, GENESIS_HASH, payloadHash } from './hashChain';
import { cachedStatement, StateWriter } from './stateWriter';
import { crashPoint } from './crashPoints';

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

  record<T>(input: EventInput, mutate: (w: StateWriter) => T): { event: StoredEvent; result: T } {
    const run = this.db.transaction(() => {
      const w = new StateWriter(this.db, this.head().seq + 1);
      const result = mutate(w);
      const event = this.append(input, canonicalJson({ data: w.data, changes: w.changes }));
      const refs = cachedStatement(this.db, 'INSERT OR IGNORE INTO event_refs (ref, seq) VALUES (?, ?)');
      for (const c of w.changes) refs.run(`${c.t}:${c.k.join('|')}`, event.seq);
      // Crash tests kill the process here: everything is written but not committed.
      crashPoint(`record:${input.type}`);
      return { event, result };
    });
    try {
      return run.immediate();
    } catch (err) {
      throw translateSqliteError(err);
    }
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
