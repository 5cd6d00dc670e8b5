import type { ClientState } from '../domain/memory.js';
import type { ClientRecords, Contact, Deal, Lead, Organization } from '../domain/snapshot.js';
import type { Staff } from './employees.js';

const newest = <T>(list: readonly T[]): T | null => list[list.length - 1] ?? null;
const newestFirst = <T>(list: readonly T[]): T[] => [...list].reverse();

export const openDeals = (client: ClientRecords): Deal[] =>
  client.deals.filter((deal) => deal.status === 'open');
export const openLeads = (client: ClientRecords): Lead[] =>
  client.leads.filter((lead) => lead.status === 'open');

export function clientState(client: ClientRecords): ClientState {
  if (openDeals(client).length > 0 || openLeads(client).length > 0) return 'open';
  if (client.contacts.length === 0) return client.deals.length > 0 ? 'closed-only' : 'new';
  return client.deals.length > 0 ? 'closed-only' : 'contact-only';
}

/** "The" deal: the newest open deal. */
export const theDeal = (client: ClientRecords): Deal | null => newest(openDeals(client));
/** "The" lead: the newest open lead. */
export const theLead = (client: ClientRecords): Lead | null => newest(openLeads(client));

/** "The" contact: the deal's contact, else the newest contact. */
export function theContact(
  client: ClientRecords,
  deal: Deal | null = theDeal(client),
): Contact | null {
  const ofDeal = deal?.contactId
    ? client.contacts.find((contact) => contact.id === deal.contactId)
    : undefined;
  return ofDeal ?? newest(client.contacts);
}

export function theOrganization(
  client: ClientRecords,
  contact: Contact | null,
  deal: Deal | null,
): Organization | null {
  const id = deal?.organizationId ?? contact?.organizationId ?? null;
  return id ? (client.organizations.find((organization) => organization.id === id) ?? null) : null;
}

/**
 * D2 / D15: the responsible manager's CRM user, read before the call creates
 * anything. Records owned by a CRM user who is no employee are passed over.
 */
export function responsibleUser(client: ClientRecords, staff: Staff): string | null {
  const state = clientState(client);
  const contact = theContact(client);
  const contactsFirst = contact
    ? [contact, ...newestFirst(client.contacts).filter((c) => c !== contact)]
    : [];
  const order: Array<{ ownerId?: string | null | undefined }> =
    state === 'closed-only'
      ? [...newestFirst(client.deals), ...contactsFirst]
      : [...newestFirst(openDeals(client)), ...newestFirst(openLeads(client)), ...contactsFirst];
  for (const record of order) {
    if (staff.byCrmUser(record.ownerId)) return record.ownerId ?? null;
  }
  return null;
}
