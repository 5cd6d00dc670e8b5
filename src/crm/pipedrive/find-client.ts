import { z } from 'zod';
import type { ClientLookup } from '../port.js';
import type { ClientRecords, Deal, Lead } from '../../domain/snapshot.js';
import type { PipedriveClient } from './client.js';
import {
  contactFrom,
  dealFrom,
  leadFrom,
  organizationFrom,
  type FieldEntity,
  type FieldKeys,
} from './mapping.js';
import {
  DealSchema,
  LeadSchema,
  OrganizationSchema,
  PersonSchema,
  PersonSearchSchema,
} from './native.js';
import { phoneSearchTerms, type PhoneSearchMode } from './phone-search.js';

// findClient (G1, D2): persons carrying the phone in any stored format, their
// deals and leads, and the organizations of all of them, oldest first. Leads
// and deals are not phone-searchable in Pipedrive (crm-apis.md §2.4): they are
// reached through their person. Requests for one client: the search(es), the
// persons by id, then deals and leads per person in parallel, then organizations.

export interface FindContext {
  readonly keys: Readonly<Record<FieldEntity, FieldKeys>>;
  readonly pipelines: ReadonlyMap<number, string>;
  readonly defaultPipelineId: number | null;
  readonly mode: PhoneSearchMode;
  /** A stored phone's E.164 identity, or null (G1). */
  readonly identity: (raw: string) => string | null;
}

const numeric = (ids: readonly string[]): number[] =>
  ids.filter((id) => /^\d+$/.test(id)).map(Number);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findClient(
  client: PipedriveClient,
  lookup: ClientLookup,
  ctx: FindContext,
): Promise<ClientRecords> {
  const personIds = new Set<number>(numeric(lookup.created?.contacts ?? []));
  const e164 = lookup.phone?.e164;
  if (e164) {
    const pages = await Promise.all(
      phoneSearchTerms(e164, ctx.mode).map(({ term, exact }) =>
        client.call({
          method: 'GET',
          url: '/api/v2/persons/search',
          query: { term, fields: 'phone', exact_match: exact ? 'true' : 'false', limit: 500 },
        }),
      ),
    );
    for (const page of pages) {
      for (const { item } of PersonSearchSchema.parse(page.data).items) {
        // Confirm every hit: a substring search also finds longer numbers that contain the digits.
        if ((item.phones ?? []).some((phone) => ctx.identity(phone) === e164))
          personIds.add(item.id);
      }
    }
  }
  const persons =
    personIds.size === 0
      ? []
      : z
          .array(PersonSchema)
          .parse(await client.listV2('/api/v2/persons', { ids: [...personIds].join(',') }));
  persons.sort((a, b) => a.id - b.id);

  const createdDeals = numeric(lookup.created?.deals ?? []);
  const createdLeads = (lookup.created?.leads ?? []).filter((id) => UUID.test(id));
  const [dealPages, leadPages, extraDeals, extraLeads] = await Promise.all([
    Promise.all(persons.map((p) => client.listV2('/api/v2/deals', { person_id: p.id }))),
    Promise.all(persons.map((p) => client.listV1('/api/v1/leads', { person_id: p.id }))),
    createdDeals.length === 0
      ? Promise.resolve([])
      : client.listV2('/api/v2/deals', { ids: createdDeals.join(',') }),
    Promise.all(
      createdLeads.map(
        async (id) => (await client.call({ method: 'GET', url: `/api/v1/leads/${id}` })).data,
      ),
    ),
  ]);

  const deals = new Map<number, z.infer<typeof DealSchema>>();
  for (const raw of [...dealPages.flat(), ...extraDeals]) {
    const deal = DealSchema.parse(raw);
    if (deal.status !== 'deleted') deals.set(deal.id, deal);
  }
  const leads = new Map<string, z.infer<typeof LeadSchema>>();
  for (const raw of [...leadPages.flat(), ...extraLeads]) {
    const lead = LeadSchema.parse(raw);
    leads.set(lead.id, lead);
  }

  const orgIds = new Set<number>(numeric(lookup.created?.organizations ?? []));
  for (const record of [...persons, ...deals.values()])
    if (record.org_id) orgIds.add(record.org_id);
  const organizations =
    orgIds.size === 0
      ? []
      : z
          .array(OrganizationSchema)
          .parse(await client.listV2('/api/v2/organizations', { ids: [...orgIds].join(',') }));
  organizations.sort((a, b) => a.id - b.id);

  const dealList: Deal[] = [...deals.values()]
    .sort((a, b) => a.id - b.id)
    .map((d) => dealFrom(d, ctx.keys.deal, ctx.pipelines, ctx.defaultPipelineId));
  const leadList: Lead[] = [...leads.values()]
    .map((lead, index) => ({ lead, index }))
    .sort(
      (a, b) => (a.lead.add_time ?? '').localeCompare(b.lead.add_time ?? '') || a.index - b.index,
    )
    .map(({ lead }) => leadFrom(lead, ctx.keys.deal));
  return {
    contacts: persons.map((p) => contactFrom(p, ctx.keys.person)),
    leads: leadList,
    deals: dealList,
    organizations: organizations.map((o) => organizationFrom(o, ctx.keys.organization)),
  };
}
