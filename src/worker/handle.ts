import type { CrmError, CrmPort, NotifyOperation } from '../crm/port.js';
import type { Event } from '../domain/events.js';
import { normalisePhone } from '../domain/phone.js';
import type { JournalEntry } from '../domain/plan.js';
import type { ClientRecords } from '../domain/snapshot.js';
import { clientSide } from '../engine/memory.js';
import { processEvent } from '../pipeline/process.js';
import { DurablePipelineState } from '../store/pipeline-state.js';
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

const CALL_STARTED_MISSING = 'call.started missing';
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
  const watched = watch(crm, observer);
  const state = await DurablePipelineState.load(store, projectId, event);
  const result = await processEvent(event, {
    port: state.port(watched.port),
    project: project.context,
    state,
  });
  await state.flush();
  const now = deps.now();
  const journal = (entry: JournalEntry): JournalRecord => ({
    entry,
    at: item.at,
    callId: 'callId' in event ? event.callId : null,
    phones: phonesOf(event, state, project),
  });

  if (result.entry.outcome !== 'failed') {
    // G13: the index rows of what this event created or re-owned land in the same transaction as its state.
    const index = indexChangesOf({
      plan: result.decision?.plan ?? [],
      operations: result.entry.operations,
      client: watched.client(),
      defaultCountry: project.settings.defaultCountry,
      createdOrder: now.getTime(),
    });
    const done = await store.complete(workerId, projectId, eventId, {
      outcome: result.entry.outcome,
      journal: journal(result.entry),
      ...state.completion(),
      index,
    });
    return done ? result.entry.outcome : 'lost-lease';
  }

  const reason = result.entry.reason ?? 'failed';
  const error = watched.lastError();
  if (error?.kind === 'reauth') {
    // G10: the integration turns broken; this event and every later one are held, none lost.
    await store.moveIntegration(projectId, 'broken', error.message, now);
    await store.release(workerId, projectId, eventId);
    return 'held';
  }
  if (reason === CALL_STARTED_MISSING) {
    // D11: the call.started may still be on its way; wait for it up to the grace period.
    const deadline = item.receivedAt.getTime() + deps.endedGraceSec * 1000;
    if (now.getTime() < deadline) {
      const at = new Date(Math.min(deadline, now.getTime() + WAIT_STEP_MS));
      return (await store.scheduleRetry(workerId, projectId, eventId, reason, at))
        ? 'retry'
        : 'lost-lease';
    }
    return (await store.fail(workerId, projectId, eventId, reason, journal(result.entry)))
      ? 'failed'
      : 'lost-lease';
  }
  if (result.retryable) {
    const next = nextAttempt(
      item.attempts,
      error ?? { kind: 'retryable' },
      now,
      deps.retryScheduleSec,
    );
    if (next !== 'give-up')
      return (await store.scheduleRetry(workerId, projectId, eventId, reason, next))
        ? 'retry'
        : 'lost-lease';
  }
  return (await store.fail(workerId, projectId, eventId, reason, journal(result.entry)))
    ? 'failed'
    : 'lost-lease';
}

/** The client's phone(s) the entry concerns, E.164 where valid, for the journal's `phone` filter. */
function phonesOf(event: Event, state: DurablePipelineState, project: ProjectView): string[] {
  const memory = state.completion().memory?.memory ?? null;
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

/**
 * The port with each CRM call timed, the last CrmError kept (the worker decides on its kind only,
 * style §2.6), and the client the lookup found (the phones of records the plan re-owns, G13).
 */
function watch(
  inner: CrmPort,
  observer: WorkerObserver | undefined,
): { port: CrmPort; lastError: () => CrmError | null; client: () => ClientRecords | null } {
  let last: CrmError | null = null;
  let client: ClientRecords | null = null;
  const timed = async <T>(
    method: 'findClient' | 'apply',
    call: () => ReturnType<CrmPort['apply']> | Promise<T>,
  ): Promise<T> => {
    const started = process.hrtime.bigint();
    const result = (await call()) as { ok: boolean; error?: CrmError };
    observer?.crmCall?.(method, Number(process.hrtime.bigint() - started) / 1e9, result.ok);
    if (!result.ok && result.error) last = result.error;
    return result as T;
  };
  return {
    port: {
      findClient: async (lookup) => {
        const found = await timed('findClient', () => inner.findClient(lookup));
        if (found.ok) client = found.value;
        return found;
      },
      apply: (operation) => timed('apply', () => inner.apply(operation)),
      listUsers: () => inner.listUsers(),
      snapshot: () => inner.snapshot(),
      ...(inner.notifyTogether && {
        notifyTogether: (operations: readonly NotifyOperation[]) =>
          timed(
            'apply',
            () =>
              inner.notifyTogether?.(operations) as ReturnType<
                NonNullable<CrmPort['notifyTogether']>
              >,
          ),
      }),
    },
    lastError: () => last,
    client: () => client,
  };
}
