import type { ReadableDB } from './handle';
import { cachedStatement } from '../ledger/stateWriter';

export function allSettings(db: ReadableDB): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of cachedStatement(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[]) out[r.key] = r.value;
  return out;
}

export function setting(db: ReadableDB, key: string): string | undefined {
  return (cachedStatement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}
