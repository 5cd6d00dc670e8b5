import type { Event } from '../domain/events.js';
import type { JournalEntry } from '../domain/plan.js';
import { EMPTY_CLIENT } from '../domain/snapshot.js';
import type { CrmPort } from '../crm/port.js';
import { clientQuery, decide, memoryKey } from '../engine/decide.js';
import type { Decision } from '../engine/decision.js';
import type { ProjectContext } from '../engine/moment-context.js';
import { execute, resolveRefs } from './execute.js';
import type { PipelineState } from './state.js';

export interface ProcessTimings {
  lookupNs: bigint;
  decideNs: bigint;
  executeNs: bigint;
}

export interface ProcessDeps {
  readonly port: CrmPort;
  readonly project: ProjectContext;
  readonly state: PipelineState;
  /** Optional cost split, for the benchmark. */
  readonly timings?: ProcessTimings;
}

export type ProcessResult = {
  readonly entry: JournalEntry;
  readonly decision: Decision | null;
  readonly retryable: boolean;
};

/**
 * One event through the pipeline: client lookup → decide → execute → journal.
 * A plan is decided once and kept until it has run whole, so a retry after a
 * failure re-sends only what did not land (D7, D13).
 */
export async function processEvent(event: Event, deps: ProcessDeps): Promise<ProcessResult> {
  const { port, project, state, timings } = deps;
  const key = memoryKey(event);
  let pending = state.pending(event.eventId);
  if (!pending) {
    const redelivery = state.seen(event);
    const memory = key ? state.memory(key) : null;
    let t0 = process.hrtime.bigint();
    const found = redelivery
      ? null
      : await port.findClient(clientQuery(event, memory, project.settings));
    if (found && !found.ok)
      return failure(event, [], found.error.message, found.error.kind !== 'permanent');
    const t1 = process.hrtime.bigint();
    if (timings) timings.lookupNs += t1 - t0;
    const decision = decide({
      event,
      memory,
      client: found?.value ?? EMPTY_CLIENT,
      project,
      redelivery,
    });
    t0 = process.hrtime.bigint();
    if (timings) timings.decideNs += t0 - t1;
    if (decision.outcome === 'failed')
      return failure(event, decision.conditions, decision.reason ?? 'failed', false, decision);
    pending = { decision, ids: new Map() };
    if (decision.plan.length > 0) state.savePending(event.eventId, pending);
  }
  const { decision, ids } = pending;
  const t2 = process.hrtime.bigint();
  const result = await execute(decision.plan, port, ids);
  if (timings) timings.executeNs += process.hrtime.bigint() - t2;
  if (!result.ok) {
    state.savePending(event.eventId, pending);
    return failure(
      event,
      decision.conditions,
      result.error.message,
      result.error.kind !== 'permanent',
      decision,
      result.operations,
    );
  }
  if (key && decision.memory) state.saveMemory(key, resolveRefs(decision.memory, ids));
  state.clearPending(event.eventId);
  state.markSeen(event);
  const entry: JournalEntry = {
    eventId: event.eventId,
    type: event.type,
    conditions: decision.conditions,
    outcome: decision.outcome,
    ...(decision.reason !== undefined && { reason: decision.reason }),
    operations: result.operations,
    ...(decision.skipped.length > 0 && { skipped: decision.skipped }),
  };
  return { entry, decision, retryable: false };
}

function failure(
  event: Event,
  conditions: JournalEntry['conditions'],
  reason: string,
  retryable: boolean,
  decision: Decision | null = null,
  operations: JournalEntry['operations'] = [],
): ProcessResult {
  return {
    entry: {
      eventId: event.eventId,
      type: event.type,
      conditions,
      outcome: 'failed',
      reason,
      operations,
    },
    decision,
    retryable,
  };
}
