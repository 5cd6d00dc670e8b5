import type { IndexRecord, IndexRecordPage, IndexRemoval } from '../port.js';
import type { NativeRecord, ZohoClient } from './client.js';
import { nativeToContact, nativeToDeal, nativeToLead } from './mapping.js';

// G13: contacts, leads and deals modified since a time, for the service's
// phone index. A poll asks Zoho for the changed records only (If-Modified-Since
// on each module's list: one request per module when nothing changed, HTTP 304);
// the activation load (`since` null) reads every page, past 2000 records with
// Zoho's page tokens (client.ts `listAll`). A poll also asks each module's
// list of deleted records since then (`GET {Module}/deleted`), so a record
// deleted in Zoho leaves the index.

const FIELDS = {
  Contacts: 'Phone,Mobile,Home_Phone,Other_Phone,Asst_Phone,Owner,Created_Time,Modified_Time',
  Leads: 'Phone,Mobile,Owner,Related_Contact,Created_Time,Modified_Time',
  Deals: 'Contact_Name,Owner,Created_Time,Modified_Time',
} as const;

function time(record: NativeRecord, field: 'Created_Time' | 'Modified_Time'): Date | null {
  const value = record[field];
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/**
 * Zoho keeps Modified_Time to the second, so `since` is cut to its second: a
 * record changed later in that same second shows an earlier-looking time.
 */
function wholeSecond(since: Date): Date {
  return new Date(Math.floor(since.getTime() / 1000) * 1000);
}

/**
 * The header's value: ISO 8601 with offset, to the second (the documented
 * form, `2019-07-25T15:26:49+05:30`), one second before `since`'s second. Zoho
 * documents "modified after"; whether a record changed in exactly that second
 * is listed is UNVERIFIED, and the second earlier covers both readings.
 */
export function ifModifiedSince(since: Date): string {
  return new Date(wholeSecond(since).getTime() - 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const MODULE_ENTITY = { Contacts: 'contacts', Leads: 'leads', Deals: 'deals' } as const;

/**
 * Contacts, leads and deals deleted at or after `since` (cut to its second),
 * from each module's deleted-records list with the same If-Modified-Since as
 * the poll's record lists; the entries' `deleted_time` is checked again here,
 * as `Modified_Time` is on the lists. An entry without a readable
 * `deleted_time` counts as deleted since: dropping a record that is gone
 * anyway costs nothing.
 */
export async function removedSince(client: ZohoClient, since: Date): Promise<IndexRemoval[]> {
  const from = wholeSecond(since);
  const headers = { 'If-Modified-Since': ifModifiedSince(since) };
  const lists = await Promise.all(
    (['Contacts', 'Leads', 'Deals'] as const).map(async (module) => {
      const entries = await client.listDeleted(module, headers);
      return entries
        .filter((entry) => {
          const ms =
            typeof entry['deleted_time'] === 'string'
              ? Date.parse(entry['deleted_time'])
              : Number.NaN;
          return Number.isNaN(ms) || ms >= from.getTime();
        })
        .map((entry): IndexRemoval => ({ entity: MODULE_ENTITY[module], id: entry.id }));
    }),
  );
  const seen = new Set<string>();
  return lists.flat().filter((removal) => {
    const key = `${removal.entity}:${removal.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One page: everything, in one. The activation load reads the records only
 * (the index starts empty). A poll reads the deleted lists FIRST, then the
 * record lists: a record deleted after its list was read shows up in the
 * next poll's deleted lists (which start from this poll's start), and a
 * record in both (deleted, then restored from the recycle bin while the poll
 * ran) is alive by the later read, so it stays out of `removed`.
 */
export async function indexPage(client: ZohoClient, since: Date | null): Promise<IndexRecordPage> {
  if (!since) return { records: await recordsSince(client, null), next: null };
  const removed = await removedSince(client, since);
  const records = await recordsSince(client, since);
  const alive = new Set(records.map((record) => `${record.entity}:${record.id}`));
  return {
    records,
    removed: removed.filter((removal) => !alive.has(`${removal.entity}:${removal.id}`)),
    next: null,
  };
}

export async function recordsSince(client: ZohoClient, since: Date | null): Promise<IndexRecord[]> {
  const from = since && wholeSecond(since);
  // Zoho already filters; this keeps what its coarser header let through (and
  // everything, should an org ignore the header) to "at or after `since`".
  const changed = (record: NativeRecord): boolean => {
    if (!from) return true;
    const modified = time(record, 'Modified_Time');
    return modified === null || modified >= from;
  };
  const headers = since ? { 'If-Modified-Since': ifModifiedSince(since) } : {};
  const [contacts, leads, deals] = await Promise.all(
    (['Contacts', 'Leads', 'Deals'] as const).map(async (module) =>
      (await client.listAll(module, { fields: FIELDS[module] }, headers)).filter(changed),
    ),
  );
  return [
    ...(contacts ?? []).map((record): IndexRecord => {
      const contact = nativeToContact(record);
      return {
        entity: 'contacts',
        id: contact.id,
        phones: contact.phones,
        ownerId: contact.ownerId ?? null,
        contactId: null,
        createdAt: time(record, 'Created_Time'),
      };
    }),
    ...(leads ?? []).map((record): IndexRecord => {
      const lead = nativeToLead(record);
      return {
        entity: 'leads',
        id: lead.id,
        phones: lead.phones,
        ownerId: lead.ownerId ?? null,
        contactId: lead.contactId ?? null,
        createdAt: time(record, 'Created_Time'),
      };
    }),
    ...(deals ?? []).map((record): IndexRecord => {
      const deal = nativeToDeal(record);
      return {
        entity: 'deals',
        id: deal.id,
        phones: [],
        ownerId: deal.ownerId ?? null,
        contactId: deal.contactId ?? null,
        createdAt: time(record, 'Created_Time'),
      };
    }),
  ];
}
