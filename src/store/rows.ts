import type { CrmId } from '../domain/crm-id.js';
import type { Event } from '../domain/events.js';
import type { JournalEntry } from '../domain/plan.js';
import type {
  ApiKeyRecord,
  InboxEvent,
  IntegrationState,
  ProjectRecord,
  RouteMatch,
  IndexEntity,
} from './store.js';
import {
  EVENT_STATES,
  INTEGRATION_STATES,
  type EventState,
  type IntegrationStateName,
} from './states.js';
import { num, numOrNull, str, strOrNull, type Row } from './sql.js';

// Row ↔ domain, once (style §2.5): snake_case columns and epoch-ms numbers on
// one side, camelCase fields and Dates on the other. The JSON columns hold
// what this store wrote itself, after the caller validated it where it
// entered; they are parsed back without a second validation.

const date = (value: unknown): Date => new Date(num(value));
const dateOrNull = (value: unknown): Date | null => {
  const ms = numOrNull(value);
  return ms === null ? null : new Date(ms);
};

export const toMs = (value: Date): number => value.getTime();

function oneOf<T extends string>(values: readonly T[], value: unknown, what: string): T {
  const text = str(value);
  if ((values as readonly string[]).includes(text)) return text as T;
  throw new TypeError(`unknown ${what} "${text}" in the database`);
}

export function json<T>(value: unknown): T {
  return JSON.parse(str(value)) as T;
}

export function projectFromRow(row: Row): ProjectRecord {
  return {
    id: str(row['id']),
    crm: str(row['crm']) as CrmId,
    document: json<unknown>(row['document']),
    secrets: str(row['secrets']),
    version: num(row['version']),
    createdAt: date(row['created_at']),
    updatedAt: date(row['updated_at']),
  };
}

export function apiKeyFromRow(row: Row): ApiKeyRecord {
  return {
    id: str(row['id']),
    projectId: strOrNull(row['project_id']),
    hash: str(row['hash']),
    createdAt: date(row['created_at']),
  };
}

export const EVENT_COLUMNS =
  'seq, project_id, event_id, ordering_key, body, at_ms, state, attempts, next_attempt_at, last_error, claimed_by, claimed_until, received_at, lost_leases';

export function eventFromRow(row: Row): InboxEvent {
  return {
    projectId: str(row['project_id']),
    eventId: str(row['event_id']),
    seq: num(row['seq']),
    orderingKey: str(row['ordering_key']),
    event: json<Event>(row['body']),
    at: date(row['at_ms']),
    state: oneOf<EventState>(EVENT_STATES, row['state'], 'event state'),
    attempts: num(row['attempts']),
    lostLeases: num(row['lost_leases'] ?? 0),
    nextAttemptAt: dateOrNull(row['next_attempt_at']),
    lastError: strOrNull(row['last_error']),
    claimedBy: strOrNull(row['claimed_by']),
    claimedUntil: dateOrNull(row['claimed_until']),
    receivedAt: date(row['received_at']),
  };
}

export function journalFromRow(
  row: Row,
): JournalEntry & { readonly at: string; readonly caller?: string } {
  const caller = row['caller'];
  return {
    ...json<JournalEntry>(row['entry']),
    at: date(row['at_ms']).toISOString(),
    ...(typeof caller === 'string' && { caller }),
  };
}

export function integrationFromRow(row: Row): IntegrationState {
  return {
    state: oneOf<IntegrationStateName>(
      INTEGRATION_STATES,
      row['integration_state'],
      'integration state',
    ),
    since: date(row['integration_since']),
    reason: strOrNull(row['integration_reason']),
  };
}

export function routeFromRow(row: Row): RouteMatch {
  return {
    entity: oneOf<IndexEntity>(['deals', 'leads', 'contacts'], row['entity'], 'index entity'),
    recordId: str(row['record_id']),
    ownerUserId: strOrNull(row['owner_user_id']),
  };
}

/** Opaque page cursors: the last row's sequence number. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const seq = /^s(\d{1,15})$/.exec(text)?.[1];
  if (seq === undefined) throw new InvalidCursorError(cursor);
  return Number(seq);
}

export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`invalid cursor "${cursor}": pass the "next" value of the previous page`);
  }
}
