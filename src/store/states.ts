// Event and integration states, and the moves allowed between them, kept as
// data (style §2.4): one list per machine, one validator each.

export const EVENT_STATES = ['pending', 'applied', 'skipped', 'failed', 'expired'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** States after which an event no longer holds back later events of its ordering key (D7). */
export const FINISHED_EVENT_STATES: readonly EventState[] = ['applied', 'skipped', 'expired'];

/**
 * Allowed event moves. `failed → pending` is the operator's retry; an event
 * that is `pending` may also be released or rescheduled, which keeps it
 * `pending` (not a move between states).
 */
export const EVENT_TRANSITIONS: ReadonlyArray<readonly [EventState, EventState]> = [
  ['pending', 'applied'],
  ['pending', 'skipped'],
  ['pending', 'failed'],
  ['pending', 'expired'],
  ['failed', 'pending'],
];

export const INTEGRATION_STATES = ['active', 'broken', 'inactive'] as const;
export type IntegrationStateName = (typeof INTEGRATION_STATES)[number];

/**
 * Allowed integration moves (service.md §5): a CRM refusing the credentials
 * breaks an active integration; only `activate` ends `broken`; the operator
 * may deactivate from any state. Staying in a state is not a move.
 */
export const INTEGRATION_TRANSITIONS: ReadonlyArray<
  readonly [IntegrationStateName, IntegrationStateName]
> = [
  ['inactive', 'active'],
  ['active', 'broken'],
  ['active', 'inactive'],
  ['broken', 'active'],
  ['broken', 'inactive'],
];

export type Move = { readonly ok: true } | { readonly ok: false; readonly message: string };

function allowed<S extends string>(
  table: ReadonlyArray<readonly [S, S]>,
  from: S,
  to: S,
  what: string,
): Move {
  if (table.some(([a, b]) => a === from && b === to)) return { ok: true };
  return { ok: false, message: `${what} cannot move from ${from} to ${to}` };
}

export function eventMove(from: EventState, to: EventState): Move {
  return allowed(EVENT_TRANSITIONS, from, to, 'an event');
}

export function integrationMove(from: IntegrationStateName, to: IntegrationStateName): Move {
  return allowed(INTEGRATION_TRANSITIONS, from, to, 'the integration');
}

/** A project's integration state as stored: since when, and why (Store: integration state). */
export interface IntegrationState {
  readonly state: IntegrationStateName;
  readonly since: Date;
  readonly reason: string | null;
}

export type IntegrationMoveResult =
  | { readonly ok: true; readonly integration: IntegrationState }
  | { readonly ok: false; readonly message: string; readonly integration: IntegrationState };
