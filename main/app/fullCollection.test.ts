import { describe, expect, it } from 'vitest';
import { collectAfterLargeJob, HeapGuard, LARGE_JOB_ROWS } from './fullCollection';

const MB = 1048576;
const heapMb = () => process.memoryUsage().heapUsed / MB;

/** About `mb` MB of objects that live long enough to reach V8's old generation, then let go. */
function oldGarbage(mb: number): { release(): void } {
  let keep: { a: string; b: number[] }[] | null = [];
  const n = Math.round((mb * MB) / 120);
  for (let i = 0; i < n; i++) keep.push({ a: `row ${i} şğü`, b: [i, i + 1] });
  return { release: () => (keep = null) };
}

describe('full collection after a large job', () => {
  it('collects a large job’s released heap at once, after the caller has returned; small jobs are left to V8', async () => {
    expect(collectAfterLargeJob(LARGE_JOB_ROWS - 1)).toBe(false);
    const garbage = oldGarbage(60);
    const withGarbage = heapMb();
    garbage.release();
    expect(collectAfterLargeJob(160_000)).toBe(true);
    await new Promise((r) => setImmediate(r));
    // V8 alone would keep the dead rows until its old generation reached its limit.
    expect(withGarbage - heapMb()).toBeGreaterThan(40);
  });

  it('a heap guard collects once the heap has grown by its margin, and not before', () => {
    const guard = new HeapGuard(32);
    guard.check();
    expect(guard.collections).toBe(0);
    const garbage = oldGarbage(60);
    garbage.release();
    const before = heapMb();
    guard.check();
    expect(guard.collections).toBe(1);
    expect(before - heapMb()).toBeGreaterThan(40);
    guard.check();
    expect(guard.collections).toBe(1);
  });
});
