// Where an urgent SQLite write (an ingest commit, whose caller waits for its
// 202) spends its time, for /metrics (issue 10): waiting for this thread's
// connection (queue), for the write gate another thread holds (gate), running
// its statements (write), committing (commit: the WAL written to the OS) and
// waiting for the WAL's fdatasync, shared with other commits (sync). A process
// that wants them installs an observer; without one, nothing is measured.

export interface WriteTiming {
  readonly queueMs: number;
  readonly gateMs: number;
  readonly writeMs: number;
  readonly commitMs: number;
  readonly syncMs: number;
}

export type WriteTimingObserver = (timing: WriteTiming) => void;

let observer: WriteTimingObserver | undefined;

/** Installs (or, with undefined, removes) this thread's observer of urgent writes. */
export function observeUrgentWrites(next: WriteTimingObserver | undefined): void {
  observer = next;
}

/** The clock of one urgent write; a no-op when nobody observes. */
export class WriteClock {
  private readonly marks: number[] = [];

  static start(urgent: boolean): WriteClock | undefined {
    if (!urgent || !observer) return undefined;
    const clock = new WriteClock();
    clock.mark();
    return clock;
  }

  mark(): void {
    this.marks.push(performance.now());
  }

  /** After the five marks (queued, turn, gate, statements done, committed) and the sync: report. */
  done(): void {
    this.mark();
    const [queued = 0, turn = 0, gate = 0, written = 0, committed = 0, synced = 0] = this.marks;
    observer?.({
      queueMs: turn - queued,
      gateMs: gate - turn,
      writeMs: written - gate,
      commitMs: committed - written,
      syncMs: synced - committed,
    });
  }
}
