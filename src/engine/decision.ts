import type { Event } from '../domain/events.js';
import type { Condition } from '../domain/matrix.js';
import type { Operation, Outcome, SkippedAction } from '../domain/plan.js';
import type { ClientRecords } from '../domain/snapshot.js';
import type { Memory } from './memory.js';
import type { ProjectContext } from './moment-context.js';

export interface DecisionInput {
  readonly event: Event;
  /** What the service remembers of the event's call or dialog; null for the first event. */
  readonly memory: Memory | null;
  /** The client's current records, as the CRM port found them. */
  readonly client: ClientRecords;
  readonly project: ProjectContext;
  /** The event id was seen before (D6). */
  readonly redelivery?: boolean;
}

/** `decide`'s answer: the plan of neutral operations and everything the journal says of it. */
export interface Decision {
  readonly conditions: Condition[];
  readonly outcome: Outcome;
  readonly reason?: string;
  readonly plan: Operation[];
  readonly skipped: SkippedAction[];
  /** The next memory of the call or dialog (ids may be plan references); null: keep the stored one. */
  readonly memory: Memory | null;
}

export function skippedWhole(
  reason: string,
  memory: Memory | null,
  plan: Operation[] = [],
): Decision {
  return { conditions: [], outcome: 'skipped', reason, plan, skipped: [], memory };
}

export function failed(reason: string): Decision {
  return { conditions: [], outcome: 'failed', reason, plan: [], skipped: [], memory: null };
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
