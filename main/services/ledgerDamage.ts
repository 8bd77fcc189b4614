import fs from 'node:fs';
import { LEDGER_PAGE_BYTES, type LedgerStore, type StartupCheck } from '../../database';
import type { ErrorCode } from '../../preload/contract/errors';
import type { Session } from '../app/session';

type Rescue = NonNullable<Session['rescue']>;

/**
 * Names what the checks at sign-in found (the witness of the last acknowledged head, the page
 * check, the chain) as one damage class with its own message (preload/contract/errors.ts); null
 * if the ledger is sound. Lost acknowledged writes come first: a ledger behind its witness may
 * pass every other check (its chain is consistent up to its last surviving event).
 */
export function rescueOf(store: LedgerStore, check: StartupCheck): Rescue | null {
  const base = { integrity: check.integrity, firstBadSeq: check.chain.firstBad?.seq ?? null, problem: check.chain.firstBad?.problem ?? null };
  const w = store.witnessCheck;
  if (w.state === 'behind') return { ...base, problem: 'LOST_WRITES', code: 'LEDGER_LOST_WRITES', params: { witnessSeq: w.witnessSeq, ledgerSeq: w.ledgerSeq } };
  if (w.state === 'forked') return { ...base, problem: 'WITNESS_FORKED', code: 'LEDGER_WITNESS_FORKED', params: { seq: w.seq } };
  if (w.state === 'missing') return { ...base, problem: 'WITNESS_MISSING', code: 'LEDGER_WITNESS_MISSING', params: {} };
  if (w.state === 'invalid') return { ...base, problem: 'WITNESS_INVALID', code: 'LEDGER_WITNESS_INVALID', params: {} };
  if (check.ok && w.state === 'ok') return null;
  if (check.integrity !== 'ok' && check.integrity !== 'deferred') return pagesRescue(store, base);
  if (check.chain.firstBad) return { ...base, code: 'LEDGER_CHAIN_BROKEN', params: { seq: check.chain.firstBad.seq } };
  // The witness could not be compared because the head did not read: the pages are damaged.
  return pagesRescue(store, base);
}

/** The background page check found damage after sign-in. */
export function pagesRescueOf(store: LedgerStore, integrity: string): Rescue {
  return pagesRescue(store, { integrity, firstBadSeq: null, problem: 'PAGES' });
}

function pagesRescue(store: LedgerStore, base: Omit<Rescue, 'code' | 'params'>): Rescue {
  // A file whose end was cut off is told apart from a page whose bytes changed: a different
  // cause (an interrupted copy, a failing disk) and the same rescue.
  let bytes = 0;
  try {
    bytes = fs.statSync(store.paths.db).size;
  } catch {
    /* gone meanwhile: reported as damaged pages */
  }
  const code: ErrorCode = bytes % LEDGER_PAGE_BYTES !== 0 ? 'LEDGER_TRUNCATED' : 'LEDGER_PAGES_DAMAGED';
  return { ...base, code, params: code === 'LEDGER_TRUNCATED' ? { bytes } : {} };
}
