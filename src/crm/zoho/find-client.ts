import { normalisePhone, phoneSpellings } from '../../domain/phone.js';
import type { ClientRecords } from '../../domain/snapshot.js';
import type { ClientLookup } from '../port.js';
import type { NativeRecord, ZohoClient } from './client.js';
import {
  byAge,
  CONTACT_PHONE_FIELDS,
  escapeCriteria,
  LEAD_PHONE_FIELDS,
  nativeToContact,
  nativeToDeal,
  nativeToLead,
  nativeToOrganization,
  phonesOf,
} from './mapping.js';

/**
 * G1 against Zoho: one search per module with every usual variant of the
 * number in an `in` condition on each phone field (§1.4: `in` takes up to 100
 * values, a criteria up to 10 conditions), then each hit confirmed by
 * normalising its stored phones. At most four requests: Contacts; Leads and
 * Deals of the phone and of those contacts (in parallel); their Accounts.
 */
export async function findClient(
  client: ZohoClient,
  lookup: ClientLookup,
  defaultCountry: string | undefined,
): Promise<ClientRecords> {
  const e164 = lookup.phone?.e164 ?? null;
  const variants = e164 ? phoneSpellings(e164).map(escapeCriteria) : [];
  const created = lookup.created;
  const createdIds = (list: readonly string[] | undefined): string[] =>
    (list ?? []).filter((id) => /^\d+$/.test(id));
  const carries = (record: NativeRecord, fields: readonly string[]): boolean =>
    e164 !== null &&
    phonesOf(record, fields).some((raw) => normalisePhone(raw, defaultCountry).e164 === e164);

  const phoneConditions = (fields: readonly string[]): string[] =>
    variants.length > 0 ? fields.map((field) => `(${field}:in:${variants.join(',')})`) : [];
  // `in` takes up to 100 values (§1.4): a longer list becomes several conditions.
  const idCondition = (ids: readonly string[], field = 'id'): string[] => {
    const out: string[] = [];
    for (let at = 0; at < ids.length; at += IN_LIMIT)
      out.push(`(${field}:in:${ids.slice(at, at + IN_LIMIT).join(',')})`);
    return out;
  };
  const any = (conditions: string[]): string | null =>
    conditions.length === 0
      ? null
      : conditions.length === 1
        ? (conditions[0] ?? null)
        : `(${conditions.join('or')})`;

  const createdContacts = new Set(createdIds(created?.contacts));
  const contactCriteria = any([
    ...phoneConditions(CONTACT_PHONE_FIELDS),
    ...idCondition([...createdContacts]),
  ]);
  const contacts = contactCriteria
    ? (await client.search('Contacts', contactCriteria)).filter(
        (record) => createdContacts.has(record.id) || carries(record, CONTACT_PHONE_FIELDS),
      )
    : [];
  const contactIds = contacts.map((contact) => contact.id);
  const contactSet = new Set(contactIds);

  const createdLeads = new Set(createdIds(created?.leads));
  const createdDeals = new Set(createdIds(created?.deals));
  const leadCriteria = any([
    ...phoneConditions(LEAD_PHONE_FIELDS),
    ...idCondition(contactIds, 'Related_Contact'),
    ...idCondition([...createdLeads]),
  ]);
  const dealCriteria = any([
    ...idCondition(contactIds, 'Contact_Name'),
    ...idCondition([...createdDeals]),
  ]);
  const [leadHits, dealHits] = await Promise.all([
    // Converted leads too: the default search leaves them out (§1.4), the neutral client keeps them.
    leadCriteria
      ? client.search('Leads', leadCriteria, { converted: 'both' })
      : Promise.resolve([]),
    dealCriteria ? client.search('Deals', dealCriteria) : Promise.resolve([]),
  ]);
  const refId = (record: NativeRecord, field: string): string | null => {
    const value = record[field];
    return typeof value === 'object' &&
      value !== null &&
      typeof (value as { id?: unknown }).id === 'string'
      ? (value as { id: string }).id
      : null;
  };
  const leads = leadHits.filter(
    (record) =>
      createdLeads.has(record.id) ||
      contactSet.has(refId(record, 'Related_Contact') ?? '') ||
      carries(record, LEAD_PHONE_FIELDS),
  );
  const deals = dealHits.filter(
    (record) => createdDeals.has(record.id) || contactSet.has(refId(record, 'Contact_Name') ?? ''),
  );

  const accountIds = new Set(createdIds(created?.organizations));
  for (const record of [...contacts, ...deals]) {
    const id = refId(record, 'Account_Name');
    if (id) accountIds.add(id);
  }
  const accounts =
    accountIds.size > 0
      ? await client.readAll('Accounts', { ids: [...accountIds].join(','), fields: ACCOUNT_FIELDS })
      : [];
  return {
    contacts: unique(contacts).sort(byAge).map(nativeToContact),
    leads: unique(leads).sort(byAge).map(nativeToLead),
    deals: unique(deals).sort(byAge).map(nativeToDeal),
    organizations: unique(accounts.filter((record) => accountIds.has(record.id)))
      .sort(byAge)
      .map(nativeToOrganization),
  };
}

const IN_LIMIT = 100;
const ACCOUNT_FIELDS =
  'Account_Name,Owner,UTM_Source,UTM_Medium,UTM_Campaign,UTM_Term,UTM_Content,Tracking_Pool,GA_Client_ID,Landing_Page,Tracking_Number,Messenger_Client_ID,Created_Time';

function unique(records: NativeRecord[]): NativeRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => (seen.has(record.id) ? false : (seen.add(record.id), true)));
}
