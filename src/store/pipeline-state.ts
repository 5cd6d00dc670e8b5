import { CrmError, err, type CrmPort, type NotifyOperation, type Result } from '../crm/port.js';
import type { Event } from '../domain/events.js';
import type { Operation } from '../domain/plan.js';
import { memoryKey } from '../engine/decide.js';
import type { Memory } from '../engine/memory.js';
import type { PendingPlan, PipelineState } from '../pipeline/state.js';
import type { Completion, Store } from './store.js';

/**
 * src/pipeline's synchronous PipelineState over the async Store, for one
 * claimed event:
 *
 *   const state = await DurablePipelineState.load(store, projectId, event);
 *   const result = await processEvent(event, { port: state.port(crmPort), project, state });
 *   await state.flush();
 *   // applied / skipped → store.complete(worker, projectId, eventId, { outcome, journal, ...state.completion() })
 *   // failed → store.scheduleRetry(…) or store.fail(…): the plan and its recorded ids stay for the retry
 *
 * What it reads is loaded up front (the event's call / dialog memory and its
 * plan under way). Writes that must land before the CRM is touched do:
 * `savePending` queues the plan, and the wrapped port waits for that queue
 * before every CRM call and records each operation's CRM id the moment it
 * comes back (D13, style §2.9). The new memory is handed to `complete`, so it
 * lands in the same transaction as the event's state and journal entry.
 */
export class DurablePipelineState implements PipelineState {
  private writes: Promise<void> = Promise.resolve();
  private newMemory: { key: string; memory: Memory } | null = null;

  private constructor(
    private readonly store: Store,
    private readonly projectId: string,
    private readonly eventId: string,
    private readonly key: string | null,
    private readonly stored: Memory | null,
    private plan: PendingPlan | null,
  ) {}

  static async load(store: Store, projectId: string, event: Event): Promise<DurablePipelineState> {
    const key = memoryKey(event);
    const { memory, plan } = await store.getWorkState(projectId, key, event.eventId);
    return new DurablePipelineState(store, projectId, event.eventId, key, memory, plan);
  }

  memory(key: string): Memory | null {
    this.expectKey(key);
    return this.newMemory?.memory ?? this.stored;
  }
  saveMemory(key: string, memory: Memory): void {
    this.expectKey(key);
    this.newMemory = { key, memory };
  }
  /** The inbox already drops a re-delivered event id (service §4, D8): nothing claimed was seen. */
  seen(): boolean {
    return false;
  }
  markSeen(): void {
    // The event's applied / skipped state in the inbox is the durable "seen".
  }
  pending(eventId: string): PendingPlan | null {
    this.expectEvent(eventId);
    return this.plan;
  }
  savePending(eventId: string, plan: PendingPlan): void {
    this.expectEvent(eventId);
    const first = this.plan === null;
    this.plan = plan;
    if (first) this.queue(() => this.store.savePlan(this.projectId, this.eventId, plan.decision));
  }
  clearPending(eventId: string): void {
    this.expectEvent(eventId);
    // `complete` deletes the stored plan in its transaction; deleting it
    // earlier would lose the recorded ids if the completion then failed.
    this.plan = null;
  }

  /** The port the pipeline must use for this event: plan stored before each CRM call, ids recorded after. */
  port(inner: CrmPort): CrmPort {
    const apply = async (operation: Operation): ReturnType<CrmPort['apply']> => {
      await this.flush();
      const result = await inner.apply(operation);
      if (result.ok)
        await this.store.recordOperation(this.projectId, this.eventId, operation.key, result.value);
      return result;
    };
    const notifyTogether = async (
      operations: readonly NotifyOperation[],
    ): Promise<Result<string[]>> => {
      await this.flush();
      const result = await (inner.notifyTogether?.(operations) ??
        Promise.resolve(
          err<string[]>(new CrmError('permanent', 'the CRM takes no pop-ups together')),
        ));
      if (result.ok)
        for (const [n, operation] of operations.entries())
          await this.store.recordOperation(
            this.projectId,
            this.eventId,
            operation.key,
            result.value[n] ?? '',
          );
      return result;
    };
    return {
      findClient: (lookup) => inner.findClient(lookup),
      apply,
      listUsers: () => inner.listUsers(),
      snapshot: () => inner.snapshot(),
      ...(inner.notifyTogether && { notifyTogether }),
    };
  }

  /** Waits for the queued writes; rejects with the first that failed. */
  flush(): Promise<void> {
    return this.writes;
  }

  /** What `complete` stores with the event: the call's or dialog's new memory, when it changed. */
  completion(): Pick<Completion, 'memory'> {
    return this.newMemory ? { memory: this.newMemory } : {};
  }

  private queue(write: () => Promise<void>): void {
    this.writes = this.writes.then(write);
    // The failure is reported by flush() (and so before the next CRM call); this only avoids an unhandled rejection.
    this.writes.catch(() => undefined);
  }

  private expectKey(key: string): void {
    if (key !== this.key)
      throw new Error(
        `DurablePipelineState for ${this.key ?? 'no memory key'} was asked for ${key}`,
      );
  }
  private expectEvent(eventId: string): void {
    if (eventId !== this.eventId)
      throw new Error(`DurablePipelineState for event ${this.eventId} was asked for ${eventId}`);
  }
}
