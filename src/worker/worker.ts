import { randomBytes } from 'node:crypto';
import type { CrmPort } from '../crm/port.js';
import {
  LOST_LEASES_REASON,
  MAX_LOST_LEASES,
  UnmatchedEventError,
  type InboxEvent,
  type Store,
} from '../store/store.js';
import { handleEvent, type Handled } from './handle.js';
import type { WorkerObserver } from './observer.js';
import type { ProjectSource, ProjectView } from './project.js';

// The worker loop: claim → handle → claim again. The inbox hands out at most
// one event per ordering key at a time (D7), so every claimed event may run in
// parallel with the others; the pool bounds how many run at once.

export interface WorkerOptions {
  readonly store: Store;
  readonly projects: ProjectSource;
  /** The CRM port of a project's connection (the service's CRM registry). */
  readonly ports: (project: ProjectView) => CrmPort;
  readonly concurrency: number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly retryScheduleSec: readonly number[];
  readonly endedGraceSec: number;
  readonly now?: () => Date;
  readonly observer?: WorkerObserver;
  readonly workerId?: string;
}

/** The longest wait between claims while the store keeps failing. */
export const MAX_CLAIM_BACKOFF_MS = 10_000;

/** After `failures` failed claims in a row: the poll interval doubled per failure, capped. */
export function claimBackoffMs(failures: number, pollMs: number): number {
  return Math.min(MAX_CLAIM_BACKOFF_MS, pollMs * 2 ** Math.min(failures, 20));
}

export class Worker {
  readonly workerId: string;
  private readonly inFlight = new Map<string, Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private wakeScheduled = false;
  // Idle back-off (issue 10): claims in a row that found nothing, when the last ended, and a notice held back.
  private emptyClaims = 0;
  private lastClaimAt = 0;
  private noticeTimer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;
  /** Claims failed in a row (the store unreachable): the backoff grows with it. */
  private claimFailures = 0;

  constructor(private readonly options: WorkerOptions) {
    this.workerId = options.workerId ?? `worker-${process.pid}-${randomBytes(4).toString('hex')}`;
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Look for work now (after an ingest commit, or an event finished). Wakes
   * within one turn of the event loop share one claim: a claim is a write
   * transaction, and claiming once per finished event was the workers' top cost.
   */
  wake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.wakeUp?.();
    });
  }

  /**
   * New events were accepted (ingest's commit): a hint, not a reason to claim
   * at once. A worker whose last claims found nothing claims again only after
   * a gap that doubles with each empty claim (10 ms up to pollMs): with most
   * clients parked, a claim after every commit found nothing 14–30 times a second.
   */
  notify(): void {
    if (!this.wakeUp || this.noticeTimer) return;
    const gap =
      this.emptyClaims === 0 ? 0 : Math.min(this.options.pollMs, 10 * 2 ** (this.emptyClaims - 1));
    const wait = this.lastClaimAt + gap - Date.now();
    if (wait <= 0) {
      this.wake();
      return;
    }
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = null;
      this.wake();
    }, wait);
  }

  /**
   * SIGTERM (service.md §1): stop claiming, let the claimed events finish
   * within `drainMs`, then hand back whatever is still held (it was not
   * acknowledged to anybody; another worker or the next start takes it).
   */
  async stop(drainMs = 10_000): Promise<void> {
    this.running = false;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = null;
    this.wake();
    await this.loop;
    const all = Promise.all(this.inFlight.values());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), drainMs)),
    );
    const outcome = await Promise.race([all.then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      await Promise.all([...this.inFlight.keys()].map((id) => this.releaseHeld(id)));
    }
  }

  /** How many events this process is working on. */
  get busy(): number {
    return this.inFlight.size;
  }

  /** Claims and runs once (tests drive the worker step by step with it). Resolves when the claimed events are done. */
  async runOnce(limit = this.options.concurrency): Promise<Handled[]> {
    const claimed = await this.options.store.claimEvents(
      this.workerId,
      limit,
      this.options.leaseMs,
      this.now(),
    );
    const projects = this.projectsOf(claimed);
    return Promise.all(claimed.map((item) => this.work(item, projects)));
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      let claimed: InboxEvent[] = [];
      if (free > 0) {
        try {
          claimed = await this.options.store.claimEvents(
            this.workerId,
            free,
            this.options.leaseMs,
            this.now(),
          );
          this.claimFailures = 0;
        } catch (error) {
          // Issue 11 item 5: a store that is down is asked less and less often, not five times a second.
          this.claimFailures += 1;
          const backoffMs = claimBackoffMs(this.claimFailures, this.options.pollMs);
          this.options.observer?.error?.('claim failed; the store may be down, backing off', {
            error: String(error),
            failures: this.claimFailures,
            backoffMs,
          });
          await this.sleep(backoffMs);
          continue;
        }
        this.lastClaimAt = Date.now();
        this.emptyClaims = claimed.length === 0 ? this.emptyClaims + 1 : 0;
      }
      const projects = this.projectsOf(claimed);
      for (const item of claimed) {
        const key = `${item.projectId}\u0000${item.eventId}`;
        const job = this.work(item, projects).then(
          () => undefined,
          () => undefined,
        );
        this.inFlight.set(key, job);
        void job.finally(() => {
          this.inFlight.delete(key);
          this.wake();
        });
      }
      // A claim that filled fewer slots than it asked for found the inbox empty for now: wait to be woken.
      if (claimed.length < free || this.inFlight.size >= this.options.concurrency)
        await this.sleep(this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  /**
   * The project of each claimed event, looked up once per project for the
   * whole claim: the events were claimed together, so one look at the
   * project's current version serves them all (it was a store read per event).
   */
  private projectsOf(
    claimed: readonly InboxEvent[],
  ): ReadonlyMap<string, Promise<ProjectView | null>> {
    const projects = new Map<string, Promise<ProjectView | null>>();
    for (const { projectId } of claimed)
      if (!projects.has(projectId)) projects.set(projectId, this.options.projects.get(projectId));
    // A failed look-up is reported by the event that awaits it (work's catch).
    for (const lookup of projects.values()) lookup.catch(() => undefined);
    return projects;
  }

  private async work(
    item: InboxEvent,
    projects: ReadonlyMap<string, Promise<ProjectView | null>>,
  ): Promise<Handled> {
    const { store, observer } = this.options;
    const renew = setInterval(
      () => {
        store
          .renewLease(this.workerId, item.projectId, item.eventId, this.options.leaseMs, this.now())
          .catch(() => undefined);
      },
      Math.max(1_000, Math.floor(this.options.leaseMs / 3)),
    );
    try {
      if (item.lostLeases >= MAX_LOST_LEASES) {
        // Issue 11 item 3: claimed again and again, never finished: fail it with the reason.
        observer?.error?.('event failed: its leases kept running out', {
          projectId: item.projectId,
          eventId: item.eventId,
          lostLeases: item.lostLeases,
        });
        const failed = await store.fail(
          this.workerId,
          item.projectId,
          item.eventId,
          LOST_LEASES_REASON,
        );
        if (failed) observer?.processed?.(item.projectId, 'failed');
        return failed ? 'failed' : 'lost-lease';
      }
      const project = await (projects.get(item.projectId) ??
        this.options.projects.get(item.projectId));
      if (!project) {
        await store.release(this.workerId, item.projectId, item.eventId);
        return 'lost-lease';
      }
      const handled = await handleEvent(item, project, this.options.ports(project), {
        store,
        workerId: this.workerId,
        retryScheduleSec: this.options.retryScheduleSec,
        endedGraceSec: this.options.endedGraceSec,
        now: this.now,
        observer,
      });
      observer?.processed?.(item.projectId, handled === 'lost-lease' ? 'retry' : handled);
      return handled;
    } catch (error) {
      if (error instanceof UnmatchedEventError) {
        // Issue 11 item 3: it can never finish by its id; fail it loudly by its seq instead of claiming it forever.
        const reason = 'the event id does not match the stored event (a completion matched no row)';
        observer?.error?.('event failed: completion matched no inbox row', {
          projectId: item.projectId,
          seq: item.seq,
        });
        if (await store.failClaimed(this.workerId, item.seq, reason).catch(() => false)) {
          observer?.processed?.(item.projectId, 'failed');
          return 'failed';
        }
        return 'lost-lease';
      }
      // A bug or the store failing: the event is not lost; its lease runs out and it is claimed again.
      observer?.error?.('event failed unexpectedly', {
        projectId: item.projectId,
        eventId: item.eventId,
        error: String(error),
      });
      return 'lost-lease';
    } finally {
      clearInterval(renew);
    }
  }

  private async releaseHeld(key: string): Promise<void> {
    const [projectId = '', eventId = ''] = key.split('\u0000');
    await this.options.store.release(this.workerId, projectId, eventId).catch(() => false);
  }
}
