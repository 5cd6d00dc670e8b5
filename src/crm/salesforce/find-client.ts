import { phoneSpellings } from '../../domain/phone.js';
import { isRef } from '../../domain/plan.js';
import type { ClientRecords } from '../../domain/snapshot.js';
import type { ClientLookup } from '../port.js';
import type { SalesforceClient, SfRecord, Subrequest } from './client.js';
import { errorsOf, insideError } from './errors.js';
import {
  ACCOUNT_FIELDS,
  CONTACT_FIELDS,
  CONTACT_PHONES,
  DEAL_FIELDS,
  LEAD_CONTACT_FIELD,
  LEAD_FIELDS,
  LEAD_PHONES,
  contactFromNative,
  dealFromNative,
  leadFromNative,
  oldestFirst,
  organizationFromNative,
  storedPhones,
} from './mapping.js';
import { phoneSearch, soql } from './query.js';

// G1 against Salesforce: one SOSL search over phone fields with the number's
// usual spellings, every hit confirmed by normalising its stored phones;
// then one composite request for the contacts' leads and deals, and one
// query for the organizations. A new client costs one request.

/** The spellings a stored phone is likely to have, for SOSL (digits compared; see README): SOSL needs two digits. */
export const soslSpellings = (e164: string): string[] =>
  phoneSpellings(e164).filter((v) => v.replace(/\D/g, '').length >= 2);

type Identity = (raw: string) => string | null;

/** Opportunity record type id → name (G9); asked only when a found deal has a record type. */
export type PipelineNames = (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

export async function findClient(
  client: SalesforceClient,
  lookup: ClientLookup,
  identity: Identity,
  pipelineNames: PipelineNames,
): Promise<ClientRecords> {
  const e164 = lookup.phone?.e164 ?? null;
  const carries = (r: SfRecord, names: readonly string[]): boolean =>
    storedPhones(r, names).some((p) => identity(p) === e164);
  const contacts = new Map<string, SfRecord>();
  const leads = new Map<string, SfRecord>();
  if (e164) {
    const hits = await client.search(
      phoneSearch(soslSpellings(e164), [
        { type: 'Contact', fields: CONTACT_FIELDS },
        { type: 'Lead', fields: LEAD_FIELDS },
      ]),
    );
    for (const hit of hits) {
      const type = (hit['attributes'] as { type?: string } | undefined)?.type;
      if (type === 'Contact' && carries(hit, CONTACT_PHONES)) contacts.set(String(hit['Id']), hit);
      if (type === 'Lead' && carries(hit, LEAD_PHONES)) leads.set(String(hit['Id']), hit);
    }
  }
  const created = (list: readonly string[] | undefined): string[] =>
    (list ?? []).filter((id) => !isRef(id));
  const createdContacts = created(lookup.created?.contacts).filter((id) => !contacts.has(id));
  const createdLeads = created(lookup.created?.leads).filter((id) => !leads.has(id));
  const createdDeals = created(lookup.created?.deals);
  const contactIds = [...contacts.keys(), ...createdContacts];

  const requests: Subrequest[] = [];
  const q = (referenceId: string, text: string): void => {
    requests.push({ method: 'GET', path: `/query?q=${encodeURIComponent(text)}`, referenceId });
  };
  const fields = (list: readonly string[]): string => list.join(', ');
  if (createdContacts.length > 0)
    q(
      'contacts',
      `SELECT ${fields(CONTACT_FIELDS)} FROM Contact WHERE ${soql`Id IN ${createdContacts}`}`,
    );
  const leadWhere = [
    createdLeads.length > 0 && soql`Id IN ${createdLeads}`,
    contactIds.length > 0 && `${LEAD_CONTACT_FIELD} IN ${soql`${contactIds}`}`,
  ].filter(Boolean);
  if (leadWhere.length > 0)
    q('leads', `SELECT ${fields(LEAD_FIELDS)} FROM Lead WHERE ${leadWhere.join(' OR ')}`);
  const dealWhere = [
    createdDeals.length > 0 && soql`Id IN ${createdDeals}`,
    contactIds.length > 0 && soql`ContactId IN ${contactIds}`,
  ].filter(Boolean);
  if (dealWhere.length > 0)
    q('deals', `SELECT ${fields(DEAL_FIELDS)} FROM Opportunity WHERE ${dealWhere.join(' OR ')}`);

  const deals = new Map<string, SfRecord>();
  if (requests.length > 0) {
    const answers = await client.composite(requests, false);
    const rows = (ref: string): SfRecord[] => {
      const answer = answers.get(ref);
      if (!answer) return [];
      if (answer.status >= 400) throw compositeFailure(ref, answer.status, answer.body);
      const body = answer.body as { records?: SfRecord[]; done?: boolean } | null;
      // Sub-queries stay small (one client's records); a second page would need its own request.
      return body?.records ?? [];
    };
    for (const r of rows('contacts')) contacts.set(String(r['Id']), r);
    for (const r of rows('leads')) leads.set(String(r['Id']), r);
    for (const r of rows('deals')) deals.set(String(r['Id']), r);
  }
  const accountIds = new Set<string>(created(lookup.created?.organizations));
  for (const r of [...contacts.values(), ...deals.values()])
    if (typeof r['AccountId'] === 'string') accountIds.add(r['AccountId']);
  const accounts =
    accountIds.size > 0
      ? await client.query(
          `SELECT ${fields(ACCOUNT_FIELDS)} FROM Account WHERE ${soql`Id IN ${[...accountIds]}`}`,
        )
      : [];
  const typeIds = [...deals.values()]
    .map((r) => r['RecordTypeId'])
    .filter((id): id is string => typeof id === 'string');
  const pipelines = typeIds.length > 0 ? await pipelineNames(typeIds) : new Map<string, string>();
  return {
    contacts: oldestFirst([...contacts.values()]).map(contactFromNative),
    leads: oldestFirst([...leads.values()]).map(leadFromNative),
    deals: oldestFirst([...deals.values()]).map((r) => dealFromNative(r, pipelines)),
    organizations: oldestFirst(accounts).map(organizationFromNative),
  };
}

function compositeFailure(ref: string, status: number, body: unknown): Error {
  return insideError(`composite ${ref}`, status, errorsOf(body));
}
