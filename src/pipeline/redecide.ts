import type { Decision } from '../domain/decision.js';
import type { PlanUnderWay } from '../domain/ledger.js';
import { ENTITY_OF, refTo, type JournalEntry, type Operation } from '../domain/plan.js';
import { resolveRefs } from './execute.js';

// Issue 11 item 1: a person's retry decides the event again from the current
// project document, so a corrected setting (an employee's CRM user, say) is
// used; what of the stored plan already landed in the CRM stays landed (D13).

export type PreviousPlan = NonNullable<JournalEntry['redecided']>['previous'];
/** A decision that decided: re-decisions of an undecided event keep their stored plan. */
type Decided = Extract<Decision, { readonly outcome: 'applied' | 'skipped' }>;

/**
 * The plan that runs after a re-decision: `next`, decided now, reconciled with
 * the stored plan under way.
 *
 * - An operation of `next` whose key and kind (`op`) the stored plan had is
 *   that operation: landed, it is not sent again (its id stands); not landed,
 *   it is sent as decided now.
 * - A landed operation `next` no longer has is kept at the front, so the
 *   journal still shows it and a later re-decision still knows it landed.
 * - An operation of `next` whose key the stored plan gave to another kind of
 *   operation gets a key of its own (`KEY~n`), and references to it follow:
 *   a key once sent names one write only.
 */
export function redecide(stored: PlanUnderWay, next: Decided): Decided {
  const before = new Map(stored.decision.plan.map((operation) => [operation.key, operation]));
  const taken = new Set([...before.keys(), ...next.plan.map((operation) => operation.key)]);
  const moved = new Map<string, string>();
  const planned = next.plan.map((operation): Operation => {
    const earlier = before.get(operation.key);
    if (!earlier || earlier.op === operation.op) return operation;
    const key = freeKey(operation.key, taken);
    moved.set(operation.key, refTo(key));
    return { ...operation, key };
  });
  const plannedKeys = new Set(planned.map((operation) => operation.key));
  const kept = stored.decision.plan.filter(
    (operation) => stored.landed.has(operation.key) && !plannedKeys.has(operation.key),
  );
  const plan = [...kept, ...resolveRefs(planned, moved)];
  const memory = next.memory && resolveRefs(next.memory, moved);
  // What landed before counts: a plan that now has nothing more to do still applied those.
  const outcome = next.outcome === 'skipped' && kept.length > 0 ? 'applied' : next.outcome;
  return { ...next, outcome, plan, memory };
}

/** The stored plan as the journal shows it next to the new one: each operation, with its CRM id when it had landed. */
export function previousPlan(stored: PlanUnderWay): PreviousPlan {
  return stored.decision.plan.map((operation) => ({
    op: operation.op,
    entity: ENTITY_OF[operation.op],
    id: stored.landed.get(operation.key) ?? null,
  }));
}

function freeKey(key: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${key}~${n}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}
