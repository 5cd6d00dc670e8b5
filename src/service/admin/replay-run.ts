import type { DecidedEvent } from '../../domain/decision.js';
import { decide } from '../../engine/decide.js';
import type { ProjectContext } from '../../engine/moment-context.js';
import { diffPlans, isEmptyDiff } from '../../engine/plan-diff.js';
import type { DecidedCursor, DecidedEvents, DecidedRange } from '../../store/decided.js';
import type { EventDiff, ReplayLine } from './replay-contract.js';

// The replay's work, apart from HTTP (the route streams it, the benchmark
// counts it): the journal's decided events of a range, call by call, each
// decided again by `decide` on the context it was decided on, with the
// candidate project; the plan compared with the one decided then. Reads the
// store only; nothing is written anywhere, no CRM is asked.

/** Journal rows read per store query. */
export const REPLAY_PAGE = 500;

type Totals = Extract<ReplayLine, { kind: 'totals' }>;

interface CallGroup {
  readonly key: string;
  readonly callId: string | null;
  events: number;
  readonly changes: EventDiff[];
}

/** The answer's lines, in order: a `call` line per call that would differ, then `totals`. */
export async function* replayLines(
  store: DecidedEvents,
  projectId: string,
  range: DecidedRange,
  candidate: ProjectContext,
  pageSize = REPLAY_PAGE,
): AsyncGenerator<ReplayLine> {
  const totals = {
    kind: 'totals' as const,
    events: 0,
    calls: 0,
    callsDiffering: 0,
    added: 0,
    removed: 0,
    changed: 0,
    outcomes: 0,
    undecided: 0,
  } satisfies Totals;
  let group = null as CallGroup | null;
  let cursor = null as DecidedCursor | null;
  do {
    const page = await store.listDecided(projectId, range, cursor, pageSize);
    for (const row of page.rows) {
      const key = row.callId !== null ? `call:${row.callId}` : `event:${row.eventId}`;
      if (group?.key !== key) {
        if (group) yield* finished(group, totals);
        group = { key, callId: row.callId, events: 0, changes: [] };
      }
      if (!row.decided) {
        totals.undecided += 1;
        continue;
      }
      group.events += 1;
      totals.events += 1;
      const diff = replayOne(row.decided, candidate);
      if (diff) group.changes.push(diff);
    }
    cursor = page.next;
  } while (cursor);
  if (group) yield* finished(group, totals);
  yield totals;
}

/** One event decided again; null when nothing would differ. */
export function replayOne(decided: DecidedEvent, candidate: ProjectContext): EventDiff | null {
  const { event, context, decision } = decided;
  const again = decide({
    event,
    memory: context.memory,
    client: context.client,
    clientMemory: context.clientMemory ?? null,
    project: candidate,
  });
  const diff = diffPlans(decision.plan, again.plan);
  const outcomeDiffers = again.outcome !== decision.outcome;
  if (isEmptyDiff(diff) && !outcomeDiffers) return null;
  return {
    eventId: event.eventId,
    type: event.type,
    ...(outcomeDiffers && { outcome: { before: decision.outcome, after: again.outcome } }),
    ...diff,
  };
}

function* finished(group: CallGroup, totals: Totals): Generator<ReplayLine> {
  if (group.events === 0) return;
  totals.calls += 1;
  if (group.changes.length === 0) return;
  totals.callsDiffering += 1;
  for (const change of group.changes) {
    totals.added += change.added.length;
    totals.removed += change.removed.length;
    totals.changed += change.changed.length;
    if (change.outcome) totals.outcomes += 1;
  }
  yield { kind: 'call', callId: group.callId, events: group.events, changes: group.changes };
}
