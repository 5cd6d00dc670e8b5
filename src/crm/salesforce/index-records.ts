import type { IndexRecord } from '../port.js';
import type { SalesforceClient, SfRecord } from './client.js';
import { CONTACT_PHONES, LEAD_PHONES, storedPhones } from './mapping.js';

// G13: contacts, leads and opportunities modified since a time, for the
// service's phone index. SOQL on LastModifiedDate (crm-apis.md §4: SOQL
// dateTime literals are unquoted, `YYYY-MM-DDThh:mm:ssZ`).

/** A SOQL dateTime literal. Built from a Date, never from caller text; seconds precision (the reader overlaps its reads). */
export function soqlDateTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Salesforce writes `+0000`; Date.parse wants `+00:00`. Null when unreadable. */
function createdAt(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export async function recordsSince(client: SalesforceClient, since: Date | null): Promise<IndexRecord[]> {
  const where = since ? ` WHERE LastModifiedDate >= ${soqlDateTime(since)}` : '';
  const [contacts, leads, deals] = await Promise.all([
    client.query(`SELECT Id, ${CONTACT_PHONES.join(', ')}, OwnerId, CreatedDate FROM Contact${where} ORDER BY CreatedDate`),
    client.query(`SELECT Id, ${LEAD_PHONES.join(', ')}, OwnerId, CreatedDate FROM Lead${where} ORDER BY CreatedDate`),
    client.query(`SELECT Id, ContactId, OwnerId, CreatedDate FROM Opportunity${where} ORDER BY CreatedDate`),
  ]);
  const record = (entity: IndexRecord['entity'], r: SfRecord, phones: string[], contactId: string | null): IndexRecord => ({
    entity,
    id: String(r['Id']),
    phones,
    ownerId: text(r['OwnerId']),
    contactId,
    createdAt: createdAt(r['CreatedDate']),
  });
  return [
    ...contacts.map((r) => record('contacts', r, storedPhones(r, CONTACT_PHONES), null)),
    ...leads.map((r) => record('leads', r, storedPhones(r, LEAD_PHONES), null)),
    ...deals.map((r) => record('deals', r, [], text(r['ContactId']))),
  ];
}
