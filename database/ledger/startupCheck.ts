import type { RawDatabase } from '../vault/connection';
import { verifyChain, type VerifyResult } from './verify';

/** SQLite's code of a read that failed; anything that is not SQLite's is not a finding: rethrown. */
function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return code;
  throw err;
}

export interface StartupCheck {
  ok: boolean;
  integrity: string;
  chain: VerifyResult;
  fromSeq: number;
  ms: number;
}

/**
 * Run at every unlock: SQLite's quick_check (every page read, b-tree structure checked; the
 * full integrity_check also cross-checks indexes and is for `verify`), then the hash chain
 * from the last point verified on this machine. The point is kept in `meta` (a checkpoint,
 * not state) only after a clean pass.
 */
export function startupCheck(db: RawDatabase, opts: { full?: boolean; pages?: boolean } = {}): StartupCheck {
  const t0 = performance.now();
  // A damaged encrypted page does not read back at all: SQLite throws (SQLITE_CORRUPT, NOTADB)
  // instead of answering. That is a finding of this check, named like quick_check's own answer
  // (`error: <code>`), never an unexpected error.
  let integrity: string;
  try {
    // `pages: false`: the caller runs the page check in the background (pageCheck.ts); the answer
    // here is then about the chain alone.
    integrity = opts.pages === false ? 'deferred' : String(db.pragma(opts.full ? 'integrity_check' : 'quick_check', { simple: true }));
  } catch (err) {
    integrity = `error: ${sqliteCode(err)}`;
  }
  let fromSeq = 1;
  let chain: VerifyResult;
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'verified.seq'").get() as { value: string } | undefined;
    fromSeq = opts.full ? 1 : Math.max(1, Number(row?.value ?? 0) + 1);
    chain = verifyChain(db, fromSeq);
  } catch (err) {
    const code = sqliteCode(err);
    // The chain could not be read to its end: the pages under it are what failed.
    if (integrity === 'ok' || integrity === 'deferred') integrity = `error: ${code}`;
    chain = { ok: false, checked: 0, headSeq: 0, headHash: '' };
  }
  const ok = (integrity === 'ok' || integrity === 'deferred') && chain.ok;
  if (ok && !db.readonly) {
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('verified.seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(chain.headSeq));
    } catch (err) {
      // Only a shortcut for the next check is lost (a full disk): the caller's next write says why.
      sqliteCode(err);
    }
  }
  return { ok, integrity, chain, fromSeq, ms: performance.now() - t0 };
}
