import type { ClientMemory } from '../domain/client-memory.js';
import type { Decision, Undecided } from '../domain/decision.js';
import type { Event } from '../domain/events.js';
import type { Memory } from '../domain/memory.js';
import type { Operation } from '../domain/plan.js';
import type { ClientRecords } from '../domain/snapshot.js';
import type { ProjectContext } from './moment-context.js';

export type { Decision } from '../domain/decision.js';

export interface DecisionInput {
  readonly event: Event;
  /** What the service remembers of the event's call or dialog; null for the first event. */
  readonly memory: Memory | null;
  /** The client's current records, as the CRM port found them. */
  readonly client: ClientRecords;
  readonly project: ProjectContext;
  /** What the service remembers of the call's client (its open call-back tasks); absent: nothing. */
  readonly clientMemory?: ClientMemory | null;
  /** The event id was seen before (D6). */
  readonly redelivery?: boolean;
}

export function skippedWhole(
  reason: string,
  memory: Memory | null,
  plan: Operation[] = [],
): Decision {
  return { conditions: [], outcome: 'skipped', reason, plan, skipped: [], memory };
}

export function failed(reason: string, undecided: Undecided): Decision {
  return {
    conditions: [],
    outcome: 'failed',
    reason,
    undecided,
    plan: [],
    skipped: [],
    memory: null,
  };
}

/** D14's reasons, in the order they are checked. */
export const SKIP = {
  redelivery: 're-delivery',
  internal: 'internal call',
  stopList: 'stop-list',
  noCallableNumber: 'no callable number',
  outgoingUnknown: 'outgoing to an unknown number',
  late: 'late',
  unknownCall: 'analytics for an unknown call',
} as const;
