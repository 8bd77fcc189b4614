import type { RawDatabase } from '../vault/connection';
import { cachedStatement } from '../ledger/stateWriter';

/**
 * Wizard drafts: working memory of a half-filled registration, kept inside the encrypted file
 * (never in the browser's storage) and outside the ledger: nothing is recorded until confirm.
 */
export function getDraft(db: RawDatabase, randevuNo: string): { data: string; user_id: number; updated_at: string } | undefined {
  return cachedStatement(db, 'SELECT data, user_id, updated_at FROM drafts WHERE randevu_no = ?').get(randevuNo) as
    | { data: string; user_id: number; updated_at: string }
    | undefined;
}

export function saveDraft(db: RawDatabase, randevuNo: string, userId: number, data: string, at: string): void {
  cachedStatement(
    db,
    'INSERT INTO drafts (randevu_no, user_id, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (randevu_no) DO UPDATE SET user_id = excluded.user_id, data = excluded.data, updated_at = excluded.updated_at',
  ).run(randevuNo, userId, data, at);
}

export function deleteDraft(db: RawDatabase, randevuNo: string): void {
  cachedStatement(db, 'DELETE FROM drafts WHERE randevu_no = ?').run(randevuNo);
}
