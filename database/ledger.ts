import type { RawDatabase } from './connection';
import { canonicalJson } from './canonicalJson';
import { DatabaseError, translateSqliteError } from './errors';
import { eventHash, GENESIS_HASH, payloadHash } from './hashChain';
import { changeRef, PART_CHANGES, PartWriter, writeRefs } from './eventParts';
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
      const seq = this.head().seq + 1;
      let parts: PartWriter | null = null;
      const w = new StateWriter(this.db, seq, () => (parts = new PartWriter(this.db, seq, PART_CHANGES)), PART_CHANGES);
      const result = mutate(w);
      // A large event keeps its changes in parts (eventParts.ts); the rest stay inline.
      w.flush();
      // (Set by the writer's callback: TypeScript cannot see that assignment.)
      const written = parts as PartWriter | null;
      const payload = written ? canonicalJson({ data: w.data, parts: written.hashes }) : canonicalJson({ data: w.data, changes: w.changes });
      const event = this.append(input, payload);
      if (!w.isParted) writeRefs(this.db, w.changes.map(changeRef), seq);
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
