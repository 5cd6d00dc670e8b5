import { isCrmError, type IndexRecord, type IndexRemoval } from '../port.js';
import type { SalesforceClient, SfRecord } from './client.js';
import { CONTACT_PHONES, LEAD_PHONES, storedPhones } from './mapping.js';

// G13: contacts, leads and opportunities modified since a time, for the
// service's phone index. SOQL on LastModifiedDate (crm-apis.md §4: SOQL
// dateTime literals are unquoted, `YYYY-MM-DDThh:mm:ssZ`). Those deleted
// (or merged away) since then: sObject Get Deleted on each type (README).

/** A SOQL dateTime literal. Built from a Date, never from caller text; seconds precision (the reader overlaps its reads). */
export function soqlDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Salesforce writes `+0000`; Date.parse wants `+00:00`. Null when unreadable. */
function dateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms);
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

export async function recordsSince(
  client: SalesforceClient,
  since: Date | null,
): Promise<IndexRecord[]> {
  const where = since ? ` WHERE LastModifiedDate >= ${soqlDateTime(since)}` : '';
  const [contacts, leads, deals] = await Promise.all([
    client.query(
      `SELECT Id, ${CONTACT_PHONES.join(', ')}, OwnerId, CreatedDate FROM Contact${where} ORDER BY CreatedDate`,
    ),
    client.query(
      `SELECT Id, ${LEAD_PHONES.join(', ')}, OwnerId, CreatedDate FROM Lead${where} ORDER BY CreatedDate`,
    ),
    client.query(
      `SELECT Id, ContactId, OwnerId, CreatedDate FROM Opportunity${where} ORDER BY CreatedDate`,
    ),
  ]);
  const record = (
    entity: IndexRecord['entity'],
    r: SfRecord,
    phones: string[],
    contactId: string | null,
  ): IndexRecord => ({
    entity,
    id: String(r['Id']),
    phones,
    ownerId: text(r['OwnerId']),
    contactId,
    createdAt: dateTime(r['CreatedDate']),
  });
  return [
    ...contacts.map((r) => record('contacts', r, storedPhones(r, CONTACT_PHONES), null)),
    ...leads.map((r) => record('leads', r, storedPhones(r, LEAD_PHONES), null)),
    ...deals.map((r) => record('deals', r, [], text(r['ContactId']))),
  ];
}

const MINUTE = 60_000;
/** Get Deleted reaches 15 days back to the day; a poll asks no further than 14 days. */
export const DELETE_LOG_REACH_MS = 14 * 86_400_000;
/** The neutral entity of each sObject type the index holds. */
const DELETED_TYPES = [
  ['Contact', 'contacts'],
  ['Lead', 'leads'],
  ['Opportunity', 'deals'],
] as const;

/**
 * The window asked of Get Deleted: the API ignores seconds and wants `start`
 * more than a minute before `end`, so `start` moves back to three minutes
 * before now at the latest (what was deleted before `since` is dropped after);
 * and no further back than the delete log reaches.
 */
export function deletedWindow(since: Date, now: Date): { start: Date; end: Date } {
  const start = Math.max(
    Math.min(since.getTime(), now.getTime() - 3 * MINUTE),
    now.getTime() - DELETE_LOG_REACH_MS,
  );
  return { start: new Date(start), end: now };
}

/**
 * Contacts, leads and opportunities deleted at or after `since` (to the
 * second: deletedDate is a SystemModstamp). A type whose delete log no longer
 * reaches `since` (INVALID_REPLICATION_DATE: purged, or older than 15 days)
 * reports nothing: those deletions are only seen by the next activation.
 */
export async function removedSince(
  client: SalesforceClient,
  since: Date,
  now: Date,
): Promise<IndexRemoval[]> {
  const { start, end } = deletedWindow(since, now);
  const from = Math.floor(since.getTime() / 1000) * 1000;
  const lists = await Promise.all(
    DELETED_TYPES.map(async ([type, entity]) => {
      try {
        const { deletedRecords } = await client.deleted(type, start, end);
        return deletedRecords
          .filter((row) => (dateTime(row.deletedDate)?.getTime() ?? Infinity) >= from)
          .map((row): IndexRemoval => ({ entity, id: row.id }));
      } catch (error) {
        if (
          isCrmError(error) &&
          error.kind === 'permanent' &&
          error.message.includes('INVALID_REPLICATION_DATE')
        )
          return [];
        throw error;
      }
    }),
  );
  return lists.flat();
}
