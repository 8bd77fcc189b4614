import { cachedStatement, type StateWriter } from '../ledger/stateWriter';
import { writableHandle, type LedgerStore } from '../vault/vault';
import type { ReadableDB } from './handle';

/**
 * Wizard drafts: working memory of a half-filled registration, kept inside the encrypted file
 * (never in the browser's storage) and outside the ledger: nothing is recorded until confirm.
 */
export function getDraft(db: ReadableDB, randevuNo: string): { data: string; user_id: number; updated_at: string } | undefined {
  return cachedStatement(db, 'SELECT data, user_id, updated_at FROM drafts WHERE randevu_no = ?').get(randevuNo) as
    | { data: string; user_id: number; updated_at: string }
    | undefined;
}

/** Drafts are the one table written outside the ledger's writer: working memory, never recorded. */
export function saveDraft(store: LedgerStore, randevuNo: string, userId: number, data: string, at: string): void {
  cachedStatement(
    writableHandle(store),
    'INSERT INTO drafts (randevu_no, user_id, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (randevu_no) DO UPDATE SET user_id = excluded.user_id, data = excluded.data, updated_at = excluded.updated_at',
  ).run(randevuNo, userId, data, at);
}

/** Inside the event that ends the draft (a confirmed registration, an erasure): dropped with it or kept with it. */
export function deleteDraft(w: StateWriter, randevuNo: string): void {
  cachedStatement(w.db, 'DELETE FROM drafts WHERE randevu_no = ?').run(randevuNo);
}
