import type { CrmError, CrmPort } from './crm-port.js';
import { clientMemoryKey, type ClientMemory } from '../domain/client-memory.js';
import type { DecidedEvent, Decision, DecisionContext, Undecided } from '../domain/decision.js';
import type { Event } from '../domain/events.js';
import type { PlanLedger } from '../domain/ledger.js';
import { memoryKey } from '../domain/memory.js';
import type { JournalEntry, Outcome } from '../domain/plan.js';
import { EMPTY_CLIENT, type ClientRecords } from '../domain/snapshot.js';
import { clientQuery, decide } from '../engine/decide.js';
import type { ProjectContext } from '../engine/moment-context.js';
import { execute, resolveRefs, type JournalOperation } from './execute.js';
import { previousPlan, redecide } from './redecide.js';

export interface RunDeps {
  readonly project: ProjectContext;
  readonly crm: CrmPort;
  readonly ledger: PlanLedger;
}

/**
 * Why a run did not finish. The worker acts on `kind` (and on a CRM error's own
 * kind), never on the journal's text.
 */
export type RunFailure = { readonly kind: 'crm'; readonly error: CrmError } | Undecided;

/** What one event's run gives back: the journal entry, and what the worker needs beyond it. */
export type EventRun = FinishedRun | FailedRun;

interface RunParts {
  /** The client the lookup found; null when no lookup ran (a plan resumed, a re-delivery, a failed lookup). */
  readonly client: ClientRecords | null;
  /** The event with what it was decided on and the decision, for the journal (replay); null when undecided or its context is unknown. */
  readonly decided: DecidedEvent | null;
}

/** Applied or skipped: the plan ran whole. */
export interface FinishedRun extends RunParts {
  readonly entry: JournalEntry & { readonly outcome: Exclude<Outcome, 'failed'> };
  readonly decision: Decision;
  readonly failure: null;
}

export interface FailedRun extends RunParts {
  readonly entry: JournalEntry;
  /** null when the run failed before decide (the lookup failed). */
  readonly decision: Decision | null;
  readonly failure: RunFailure;
}

/**
 * One event's run: client lookup → decide → execute → journal entry.
 * A plan is decided once and kept in the ledger until it has run whole, so an
 * automatic retry after a failure re-sends only what did not land (D7, D13).
 * After a person's retry the event is decided again from the current project
 * document, and what of the stored plan landed stays landed (redecide.ts).
 */
export async function runEvent(event: Event, deps: RunDeps): Promise<EventRun> {
  const { crm, project, ledger } = deps;
  const { eventId } = event;
  const recalled = await ledger.recall(event);
  const stored = recalled.plan;
  let decision: Decision;
  let ids: Map<string, string>;
  let client: ClientRecords | null = null;
  let context: DecisionContext | null;
  if (stored && !stored.decideAgain) {
    decision = stored.decision;
    ids = new Map(stored.landed);
    context = stored.context;
  } else {
    const { memory, ranBefore } = recalled;
    let clientMemory: ClientMemory | null = null;
    if (!ranBefore) {
      const query = clientQuery(event, memory, project.settings);
      const found = await crm.findClient(query);
      if (!found.ok) return failed(event, { kind: 'crm', error: found.error }, null, []);
      client = found.value;
      // Issue 14 item 2: the client's open call-back tasks, only where a call can close them.
      if (query.phone?.e164 && event.type === 'call.ended' && project.settings.callbacks.closeTasks)
        clientMemory = await ledger.recallClient(clientMemoryKey(query.phone.e164));
    }
    context = { memory, client: client ?? EMPTY_CLIENT, ...(clientMemory && { clientMemory }) };
    decision = decide({ event, ...context, project, redelivery: ranBefore });
    ids = new Map(stored?.landed);
  }
  if (decision.outcome === 'failed')
    return failed(event, decision.undecided, { decision, context }, [], client);
  // The journal shows a re-decision: the plan stored before, next to what runs now.
  const redecided = stored?.decideAgain ? { previous: previousPlan(stored) } : null;
  if (stored?.decideAgain) {
    decision = redecide(stored, decision);
    await ledger.replacePlan(eventId, decision, context ?? { memory: null, client: EMPTY_CLIENT });
  } else if (!stored && decision.plan.length > 0)
    await ledger.savePlan(eventId, decision, context ?? { memory: null, client: EMPTY_CLIENT });
  const decided = context && { event, context, decision };
  const done = await execute(
    decision.plan,
    crm,
    ids,
    (key, id) => ledger.landed(eventId, key, id),
    {
      uncertain: new Set([...(stored?.sending ?? [])].filter((key) => !ids.has(key))),
      onSending: (key) => ledger.sending(eventId, key),
    },
  );
  if (!done.ok) {
    const run = failed(
      event,
      { kind: 'crm', error: done.error },
      { decision, context },
      done.operations,
      client,
    );
    return redecided ? { ...run, entry: { ...run.entry, redecided } } : run;
  }
  const key = memoryKey(event);
  const memory = key && decision.memory ? { key, memory: resolveRefs(decision.memory, ids) } : null;
  const clientMemory = decision.clientMemory && resolveRefs(decision.clientMemory, ids);
  await ledger.finished(eventId, memory, clientMemory);
  return {
    entry: {
      eventId,
      type: event.type,
      conditions: decision.conditions,
      outcome: decision.outcome,
      ...(decision.reason !== undefined && { reason: decision.reason }),
      operations: done.operations,
      ...(decision.skipped.length > 0 && { skipped: decision.skipped }),
      ...(redecided && { redecided }),
    },
    decision,
    failure: null,
    client,
    decided,
  };
}

function failed(
  event: Event,
  failure: RunFailure,
  decided: { decision: Decision; context: DecisionContext | null } | null,
  operations: JournalOperation[],
  client: ClientRecords | null = null,
): FailedRun {
  const decision = decided?.decision ?? null;
  const reason = failure.kind === 'crm' ? failure.error.message : (decision?.reason ?? 'failed');
  return {
    entry: {
      eventId: event.eventId,
      type: event.type,
      conditions: decision?.conditions ?? [],
      outcome: 'failed',
      reason,
      operations,
    },
    decision,
    failure,
    client,
    decided: decided?.context
      ? { event, context: decided.context, decision: decided.decision }
      : null,
  };
}
