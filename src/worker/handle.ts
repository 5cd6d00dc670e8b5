import type { CrmPort } from '../crm/port.js';
import { observedPort } from '../crm/observed.js';
import type { Event } from '../domain/events.js';
import { clientSide } from '../domain/memory.js';
import { normalisePhone } from '../domain/phone.js';
import type { JournalEntry } from '../domain/plan.js';
import { runEvent } from '../pipeline/run.js';
import { StoreLedger } from '../store/ledger.js';
import type { InboxEvent, JournalRecord, Store } from '../store/store.js';
import { indexChangesOf } from './index-changes.js';
import type { WorkerObserver } from './observer.js';
import { clientNumber } from './ordering.js';
import type { ProjectView } from './project.js';
import { nextAttempt } from './retry.js';

// One claimed event through the pipeline, and what becomes of it: complete,
// retry later, hold (credentials refused, G10), wait (D11) or give up.

export interface HandleDeps {
  readonly store: Store;
  readonly workerId: string;
  readonly retryScheduleSec: readonly number[];
  /** D11: how long a call event waits for its call.started. */
  readonly endedGraceSec: number;
  readonly now: () => Date;
  readonly observer?: WorkerObserver | undefined;
}

export type Handled = 'applied' | 'skipped' | 'failed' | 'retry' | 'held' | 'lost-lease';

/** While waiting for a call.started (D11), look again this often. */
const WAIT_STEP_MS = 2_000;

export async function handleEvent(
  item: InboxEvent,
  project: ProjectView,
  crm: CrmPort,
  deps: HandleDeps,
): Promise<Handled> {
  const { store, workerId, observer } = deps;
  const { projectId, eventId, event } = item;
  const ledger = new StoreLedger(store, projectId);
  const crmCall = observer?.crmCall?.bind(observer);
  const run = await runEvent(event, {
    project: project.context,
    crm: crmCall ? observedPort(crm, crmCall) : crm,
    ledger,
  });
  const now = deps.now();
  const journal = (entry: JournalEntry): JournalRecord => ({
    entry,
    at: item.at,
    callId: 'callId' in event ? event.callId : null,
    phones: phonesOf(event, ledger, project),
    decided: run.decided,
  });

  if (run.failure === null) {
    // G13: the index rows of what this event created or re-owned land in the same transaction as its state.
    const index = indexChangesOf({
      plan: run.decision.plan,
      operations: run.entry.operations,
      client: run.client,
      defaultCountry: project.settings.defaultCountry,
      createdOrder: now.getTime(),
    });
    const done = await store.complete(workerId, projectId, eventId, {
      outcome: run.entry.outcome,
      journal: journal(run.entry),
      ...ledger.completion(),
      index,
    });
    return done ? run.entry.outcome : 'lost-lease';
  }

  const reason = run.entry.reason ?? 'failed';
  const { failure } = run;
  if (failure.kind === 'call-not-started') {
    // D11: the call.started may still be on its way; wait for it up to the grace period.
    const deadline = item.receivedAt.getTime() + deps.endedGraceSec * 1000;
    if (now.getTime() < deadline) {
      const at = new Date(Math.min(deadline, now.getTime() + WAIT_STEP_MS));
      return (await store.scheduleRetry(workerId, projectId, eventId, reason, at))
        ? 'retry'
        : 'lost-lease';
    }
    return (await store.fail(workerId, projectId, eventId, reason, journal(run.entry)))
      ? 'failed'
      : 'lost-lease';
  }
  const { error } = failure;
  if (error.kind === 'reauth') {
    // G10: the integration turns broken; this event and every later one are held, none lost.
    await store.moveIntegration(projectId, 'broken', error.message, now);
    await store.release(workerId, projectId, eventId);
    return 'held';
  }
  if (error.kind === 'retryable') {
    const next = nextAttempt(item.attempts, error, now, deps.retryScheduleSec);
    if (next !== 'give-up')
      return (await store.scheduleRetry(workerId, projectId, eventId, reason, next))
        ? 'retry'
        : 'lost-lease';
  }
  return (await store.fail(workerId, projectId, eventId, reason, journal(run.entry)))
    ? 'failed'
    : 'lost-lease';
}

/** The client's phone(s) the entry concerns, E.164 where valid, for the journal's `phone` filter. */
function phonesOf(event: Event, ledger: StoreLedger, project: ProjectView): string[] {
  const memory = ledger.completion().memory?.memory ?? null;
  const raw =
    clientNumber(event) ??
    (memory?.kind === 'call'
      ? clientSide(memory)
      : memory?.kind === 'dialog'
        ? memory.phone
        : null);
  if (!raw) return [];
  return [normalisePhone(raw, project.settings.defaultCountry).e164 ?? raw];
}
