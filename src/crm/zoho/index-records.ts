import type { IndexRecord } from '../port.js';
import type { NativeRecord, ZohoClient } from './client.js';
import { nativeToContact, nativeToDeal, nativeToLead } from './mapping.js';

// G13: contacts, leads and deals modified since a time, for the service's
// phone index. Each module is read page by page and filtered here on
// Modified_Time. Zoho can filter on its side (an If-Modified-Since header on
// the list) but the shared client sends no per-request headers yet: this read
// costs one credit per 200 records per module on every poll (README: limitations).

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

export async function recordsSince(client: ZohoClient, since: Date | null): Promise<IndexRecord[]> {
  const changed = (record: NativeRecord): boolean => {
    if (!since) return true;
    const modified = time(record, 'Modified_Time');
    return modified === null || modified >= since;
  };
  const [contacts, leads, deals] = await Promise.all(
    (['Contacts', 'Leads', 'Deals'] as const).map(async (module) => (await client.readAll(module, { fields: FIELDS[module] })).filter(changed)),
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
