import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: 'HEAD' | 'CLERK';
  disabled: number;
  must_change_password: number;
  created_at: string;
}

export function listUsers(db: ReadableDB): UserRow[] {
  return cachedStatement(db, 'SELECT * FROM users ORDER BY role, username').all() as UserRow[];
}

export function userByUsername(db: ReadableDB, username: string): UserRow | undefined {
  return cachedStatement(db, 'SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
}

export function userById(db: ReadableDB, id: number): UserRow | undefined {
  return cachedStatement(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
}

export function nextUserId(db: ReadableDB): number {
  return ((cachedStatement(db, 'SELECT max(id) AS m FROM users').get() as { m: number | null }).m ?? 0) + 1;
}

export function activeHeadCount(db: ReadableDB): number {
  return (cachedStatement(db, "SELECT count(*) AS n FROM users WHERE role = 'HEAD' AND disabled = 0").get() as { n: number }).n;
}
