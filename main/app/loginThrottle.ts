/**
 * Growing delays after repeated failed sign-ins for one username: the first three tries are
 * free, then 2, 4, 8 ... seconds (at most 5 minutes) must pass before the next one is even
 * checked. Kept in memory: a restart resets it, but each try already costs a scrypt run.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before this username may try again (0 = may try now). */
  waitSeconds(key: string): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    return Math.max(0, Math.ceil((f.until - this.now()) / 1000));
  }

  failed(key: string): void {
    const f = this.failures.get(key) ?? { count: 0, until: 0 };
    f.count++;
    const delay = f.count <= 3 ? 0 : Math.min(300, 2 ** (f.count - 3)) * 1000;
    f.until = this.now() + delay;
    this.failures.set(key, f);
  }

  succeeded(key: string): void {
    this.failures.delete(key);
  }
}
