import type { Dialect } from '../sql.js';
import { initial } from './001_initial.js';
import { eventRefs } from './002_event_refs.js';
import { unfinishedByKey } from './003_unfinished_by_key.js';
import { indexReadAt } from './004_index_read_at.js';
import { readyKeys } from './005_ready_keys.js';
import { lostLeases } from './006_lost_leases.js';
import { alerts } from './007_alerts.js';
import { journalByTime } from './008_journal_by_time.js';
import { decidedEvents } from './009_decided_events.js';
import { decideAgain } from './011_decide_again.js';
import { journalCaller } from './012_journal_caller.js';
import { crmRequests } from './013_crm_requests.js';
import { sendingMarks } from './014_sending_marks.js';

export interface Migration {
  /** Applied in increasing order; recorded in schema_migrations. Never edit one that shipped: add the next. */
  readonly version: number;
  readonly name: string;
  readonly sql: (dialect: Dialect) => string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'event refs', sql: eventRefs },
  { version: 3, name: 'unfinished events by key', sql: unfinishedByKey },
  { version: 4, name: 'index read at', sql: indexReadAt },
  { version: 5, name: 'ready keys', sql: readyKeys },
  { version: 6, name: 'lost leases and index errors', sql: lostLeases },
  { version: 7, name: 'alerts', sql: alerts },
  { version: 8, name: 'journal by time', sql: journalByTime },
  { version: 9, name: 'decided events', sql: decidedEvents },
  { version: 11, name: 'plans decided again', sql: decideAgain },
  { version: 12, name: 'journal caller', sql: journalCaller },
  { version: 13, name: 'crm requests per hour', sql: crmRequests },
  { version: 14, name: 'sending marks', sql: sendingMarks },
];
