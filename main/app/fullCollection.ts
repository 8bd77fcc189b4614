import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Asks V8 for a full garbage collection once a large job has let go of its data (an import of
 * HQ's whole list: its plan and rows, and the reader's shared-strings table).
 *
 * Why: V8 collects its old generation only when it has grown to a limit set at the last full
 * collection, up to 4 times what was alive then on a machine with a large heap limit (the app's
 * main process and Node here: 4 GB). After a 160,000-row import about 75 MB of dead rows,
 * strings and tables stayed in the heap; an office head who imported the corrected list right
 * after pushed the process to 400-450 MB (bench/import, tsx), where either import alone needs
 * about 300. The heap limit cannot be lowered from inside a running process (Electron takes
 * the main process's V8 flags only on its command line), so the app collects at the one
 * moment it knows a large heap has just become garbage. It costs one full collection of what is
 * still alive, a few tens of milliseconds, after the answer has been sent.
 *
 * How: a context made while --expose-gc is set has a `gc` function (jest-leak-detector obtains
 * it the same way); the flag is cleared again at once. Where that fails, nothing is done.
 */
// The process's one garbage collector, looked up once: the heap is the process's, not an app's.
let collect: (() => void) | null | undefined;

function fullCollection(): (() => void) | null {
  if (collect !== undefined) return collect;
  collect = null;
  try {
    const own = (globalThis as { gc?: unknown }).gc;
    if (typeof own === 'function') collect = own as () => void;
    else {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as unknown;
      v8.setFlagsFromString('--no-expose-gc');
      if (typeof gc === 'function') collect = gc as () => void;
    }
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Bounds the heap of a long synchronous job (an import's apply: one transaction, 6-10 s on
 * 160,000 rows, no turn of the event loop). Now and then V8 decides part-way through such a
 * job to allocate its short-lived row copies straight in the old generation (allocation-site
 * pretenuring; 1 run in 5-8 in fresh processes here), and the heap then grew by 160 MB of
 * garbage before the job ended. `check()` between batches collects once the heap has grown by
 * `growthMb` since the job began or since the last collection (32 MB: a usual run grows by less than 10 and never collects).
 */
export class HeapGuard {
  private base = heapUsed();
  /** Collections made (the tests and the bench read it). */
  collections = 0;

  constructor(private readonly growthMb = 32) {}

  check(): void {
    if (heapUsed() - this.base < this.growthMb * 1048576) return;
    const gc = fullCollection();
    if (!gc) return;
    gc();
    this.collections++;
    this.base = heapUsed();
  }
}

/** V8's own figure: process.memoryUsage() would read the process's RSS as well, every 1,000 rows. */
function heapUsed(): number {
  return v8.getHeapStatistics().used_heap_size;
}

/** Below this many rows an import's garbage is small enough for V8's own schedule. */
export const LARGE_JOB_ROWS = 20_000;

/**
 * Collects now, before a large job starts building its own heap: what came before it and is
 * garbage by now (an import's analysis: the reader's tables, the file's bytes and, for a file
 * sent by the screen, its base64 text) goes first. About 50-100 ms with a large plan alive.
 */
export function collectBeforeLargeJob(rows: number): boolean {
  const gc = rows >= LARGE_JOB_ROWS ? fullCollection() : null;
  gc?.();
  return gc !== null;
}

/**
 * Collects once the current call has returned (setImmediate: the caller's frame, which still
 * holds the released data, is gone by then). Returns whether a collection was scheduled.
 */
export function collectAfterLargeJob(rows: number): boolean {
  const gc = rows >= LARGE_JOB_ROWS ? fullCollection() : null;
  if (gc) setImmediate(gc);
  return gc !== null;
}
