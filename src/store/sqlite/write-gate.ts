import { resolve } from 'node:path';

// SQLite lets one connection write at a time, and a connection that finds the
// lock taken waits in SQLite's busy handler: a synchronous sleep of 1, 2, 5,
// 10, 15, 20, 25 … ms between tries. `serve` writes from two threads (ingest
// on the HTTP event loop, the workers in their thread), so an ingest commit
// that met a worker's commit froze the event loop for the next step of that
// ladder — past the worker's commit, and with every request behind it waiting.
//
// The gate is the same lock one step earlier, shared by the threads of one
// process through shared memory: a thread waits for it without blocking its
// event loop (Atomics.waitAsync, woken the moment the holder leaves), and
// urgent writers (ingest, whose callers wait for a 202) go first: while one
// waits, no other writer enters. Other processes still meet SQLite's own lock.

const HOLDER = 0;
const URGENT_WAITING = 1;
const FREE = 0;
const TAKEN = 1;

/** A wait's longest sleep between looks (a safety net: leaving wakes waiters at once). */
const RECHECK_MS = 50;
/**
 * After this long the gate stops waiting and lets SQLite's own lock decide
 * (busy_timeout): a holder that died with the gate taken cannot stall writes
 * forever.
 */
export const GATE_GIVE_UP_MS = 10_000;

export class WriteGate {
  private readonly state: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.state = new Int32Array(buffer);
  }

  /**
   * Resolves once this thread holds the gate: true, or false when it gave up
   * waiting (GATE_GIVE_UP_MS) and proceeds without it. Pair a true with leave().
   */
  async enter(urgent: boolean): Promise<boolean> {
    if (this.tryTake(urgent)) return true;
    const giveUpAt = Date.now() + GATE_GIVE_UP_MS;
    if (urgent) Atomics.add(this.state, URGENT_WAITING, 1);
    try {
      for (;;) {
        if (this.tryTake(urgent)) return true;
        const left = giveUpAt - Date.now();
        if (left <= 0) return false;
        // Background writers also stand aside while an urgent one waits: wait for that count to change.
        const waiting = Atomics.load(this.state, URGENT_WAITING);
        const [index, value] = !urgent && waiting > 0 ? [URGENT_WAITING, waiting] : [HOLDER, TAKEN];
        const wait = Atomics.waitAsync(this.state, index, value, Math.min(RECHECK_MS, left));
        if (wait.async) await wait.value;
      }
    } finally {
      if (urgent) {
        Atomics.sub(this.state, URGENT_WAITING, 1);
        Atomics.notify(this.state, URGENT_WAITING);
      }
    }
  }

  leave(): void {
    Atomics.store(this.state, HOLDER, FREE);
    Atomics.notify(this.state, HOLDER);
  }

  /** Whether an urgent writer waits for the gate now (tests). */
  get urgentWaiting(): number {
    return Atomics.load(this.state, URGENT_WAITING);
  }

  private tryTake(urgent: boolean): boolean {
    if (!urgent && Atomics.load(this.state, URGENT_WAITING) > 0) return false;
    return Atomics.compareExchange(this.state, HOLDER, FREE, TAKEN) === FREE;
  }
}

/** One gate per database file in this thread; a worker thread adopts its parent's (adoptWriteGate). */
const gatesByFile = new Map<string, WriteGate>();

export function writeGateFor(path: string): WriteGate {
  if (path === ':memory:') return new WriteGate();
  const key = resolve(path);
  let gate = gatesByFile.get(key);
  if (!gate) {
    gate = new WriteGate();
    gatesByFile.set(key, gate);
  }
  return gate;
}

/** In a worker thread, before it opens the file: share the gate whose buffer the parent sent. */
export function adoptWriteGate(path: string, buffer: SharedArrayBuffer): void {
  gatesByFile.set(resolve(path), new WriteGate(buffer));
}
