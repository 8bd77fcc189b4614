import type { RawDatabase } from './connection';
import { verifyChain, type VerifyResult } from './verify';

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
  // `pages: false`: the caller runs the page check in the background (pageCheck.ts); the answer
  // here is then about the chain alone.
  const integrity = opts.pages === false ? 'deferred' : String(db.pragma(opts.full ? 'integrity_check' : 'quick_check', { simple: true }));
  const row = db.prepare("SELECT value FROM meta WHERE key = 'verified.seq'").get() as { value: string } | undefined;
  const fromSeq = opts.full ? 1 : Math.max(1, Number(row?.value ?? 0) + 1);
  const chain = verifyChain(db, fromSeq);
  const ok = (integrity === 'ok' || integrity === 'deferred') && chain.ok;
  if (ok && !db.readonly) {
    db.prepare("INSERT INTO meta (key, value) VALUES ('verified.seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(chain.headSeq));
  }
  return { ok, integrity, chain, fromSeq, ms: performance.now() - t0 };
}
