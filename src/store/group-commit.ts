// Group commit: work that arrives while a commit is under way waits for the
// next one, which carries everything queued meanwhile. A lone item commits at
// once, so nobody waits for a timer; under load one commit (one fsync, one
// round trip, one lock) serves many callers. Each item still stands or falls
// alone: if a shared commit fails, its items are committed one by one.

export interface GroupCommitter<Item, Outcome> {
  /** Commits one item on its own. */
  one(item: Item): Promise<Outcome>;
  /** Commits several items together; one outcome per item, in order. Throws to have them retried one by one. */
  many(items: readonly Item[]): Promise<Outcome[]>;
  /** How many items one commit may carry at most. */
  readonly max: number;
  /**
   * How many commits may be under way at once (default 1). More than one where
   * a commit's wait for the disk is shared and off the event loop (SQLite's
   * WAL flush, wal-flush.ts): the next batch commits while the last one's
   * fdatasync runs, instead of queueing behind it.
   */
  readonly inFlight?: number;
}

interface Queued<Item, Outcome> {
  readonly item: Item;
  readonly resolve: (outcome: Outcome) => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit<Item, Outcome> {
  private queue: Array<Queued<Item, Outcome>> = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly committer: GroupCommitter<Item, Outcome>) {}

  submit(item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // better-sqlite3 commits synchronously, so nothing queues "during" a commit:
      // wait for the rest of this turn of the event loop (requests parsed in the
      // same I/O phase), then commit them together. No timer, no added delay.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    });
  }

  private drain(): void {
    const most = this.committer.inFlight ?? 1;
    while (this.queue.length > 0 && this.running < most) {
      const batch = this.queue.splice(0, this.committer.max);
      this.running += 1;
      void this.commit(batch).finally(() => {
        this.running -= 1;
        this.drain();
      });
    }
  }

  private async commit(batch: Array<Queued<Item, Outcome>>): Promise<void> {
    if (batch.length === 1) {
      await this.alone(batch[0] as Queued<Item, Outcome>);
      return;
    }
    let outcomes: Outcome[] | null;
    try {
      outcomes = await this.committer.many(batch.map((queued) => queued.item));
    } catch {
      outcomes = null;
    }
    if (outcomes) batch.forEach((queued, i) => queued.resolve(outcomes[i] as Outcome));
    else for (const queued of batch) await this.alone(queued);
  }

  private async alone(queued: Queued<Item, Outcome>): Promise<void> {
    try {
      queued.resolve(await this.committer.one(queued.item));
    } catch (error) {
      queued.reject(error);
    }
  }
}
