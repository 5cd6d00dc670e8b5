import type { IndexRecord } from '../port.js';
import type { NativeRecord, ZohoClient } from './client.js';
import { nativeToContact, nativeToDeal, nativeToLead } from './mapping.js';

// G13: contacts, leads and deals modified since a time, for the service's
// phone index. A poll asks Zoho for the changed records only (If-Modified-Since
// on each module's list: one request per module when nothing changed, HTTP 304);
// the activation load (`since` null) reads every page, past 2000 records with
// Zoho's page tokens (client.ts `listAll`).

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
    (['Contacts', 'Leads', 'Deals'] as const).map(async (module) => (await client.listAll(module, { fields: FIELDS[module] }, headers)).filter(changed)),
  );
  return [
    ...(contacts ?? []).map((record): IndexRecord => {
      const contact = nativeToContact(record);
      return { entity: 'contacts', id: contact.id, phones: contact.phones, ownerId: contact.ownerId ?? null, contactId: null, createdAt: time(record, 'Created_Time') };
    }),
    ...(leads ?? []).map((record): IndexRecord => {
      const lead = nativeToLead(record);
      return { entity: 'leads', id: lead.id, phones: lead.phones, ownerId: lead.ownerId ?? null, contactId: lead.contactId ?? null, createdAt: time(record, 'Created_Time') };
    }),
    ...(deals ?? []).map((record): IndexRecord => {
      const deal = nativeToDeal(record);
      return { entity: 'deals', id: deal.id, phones: [], ownerId: deal.ownerId ?? null, contactId: deal.contactId ?? null, createdAt: time(record, 'Created_Time') };
    }),
  ];
}
