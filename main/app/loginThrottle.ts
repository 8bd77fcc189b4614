import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { writeFileAtomic } from '../../database';

/**
 * Growing delays after repeated failed sign-ins for one username: the first three tries are
 * free, then 2, 4, 8 ... seconds (at most 5 minutes) must pass before the next one is even
 * checked.
 *
 * With a `file` the failures are kept in the data folder, so that they survive a restart and
 * apply across `npm run cli` runs (each one a new process), not only inside one window. The
 * file holds counts and times under a SHA-256 of the username, nothing else: no name and no
 * secret is written in the clear. An unreadable file counts as no failures (it only slows
 * guessing down; the scrypt slot is what keeps the ledger shut).
 */
/** Beside the ledger in the data folder. */
export const LOGIN_FAILURES_FILE = 'giris-denemeleri.json';

type Failure = { count: number; until: number };

export class LoginThrottle {
  private readonly failures = new Map<string, Failure>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly file?: string,
  ) {}

  /** Seconds to wait before this username may try again (0 = may try now). */
  waitSeconds(username: string): number {
    this.load();
    const f = this.failures.get(keyOf(username));
    if (!f) return 0;
    return Math.max(0, Math.ceil((f.until - this.now()) / 1000));
  }

  failed(username: string): void {
    this.load();
    const key = keyOf(username);
    const f = this.failures.get(key) ?? { count: 0, until: 0 };
    f.count++;
    const delay = f.count <= 3 ? 0 : Math.min(300, 2 ** (f.count - 3)) * 1000;
    f.until = this.now() + delay;
    this.failures.set(key, f);
    this.save();
  }

  succeeded(username: string): void {
    this.load();
    if (this.failures.delete(keyOf(username))) this.save();
  }

  /** Another process (a CLI run) may have written since: read the file before every decision. */
  private load(): void {
    if (!this.file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return;
    }
    if (!parsed || typeof parsed !== 'object') return;
    this.failures.clear();
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      const f = v as Partial<Failure>;
      if (/^[0-9a-f]{64}$/.test(k) && Number.isInteger(f.count) && typeof f.until === 'number') this.failures.set(k, { count: f.count!, until: f.until });
    }
  }

  private save(): void {
    if (!this.file) return;
    try {
      if (this.failures.size === 0) fs.rmSync(this.file, { force: true });
      else writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.failures)));
    } catch {
      // A read-only or full disk must not turn a wrong password into a different error.
    }
  }
}

function keyOf(username: string): string {
  return createHash('sha256').update(`masa-login:${username.toLocaleLowerCase('tr-TR')}`).digest('hex');
}
