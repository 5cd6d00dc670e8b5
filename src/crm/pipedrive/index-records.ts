import { z } from 'zod';
import type { IndexRecord, IndexRemoval } from '../port.js';
import { fieldKeys } from './admin.js';
import type { PipedriveClient } from './client.js';
import { leadFrom } from './mapping.js';
import { DealSchema, LeadSchema, PersonSchema } from './native.js';

// G13: persons, leads and deals modified since a time, for the service's phone
// index. v2 lists take `updated_since` (RFC 3339); v1 leads have no such
// filter, so their list is read whole and filtered here by `update_time`.
// Deletions: only deals can be listed once deleted (`status=deleted`, deleted
// less than 30 days ago); no API lists deleted persons or leads (README).

const Timed = z.looseObject({
  add_time: z.string().nullable().optional(),
  update_time: z.string().nullable().optional(),
});

/** RFC 3339 in UTC without milliseconds, as Pipedrive's v2 filters take it. */
export function rfc3339(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** v2 answers RFC 3339; v1 `YYYY-MM-DD HH:MM:SS` in UTC. Null when absent or unreadable. */
export function pipedriveTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const ms = Date.parse(
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value) ? `${value.replace(' ', 'T')}Z` : value,
  );
  return Number.isNaN(ms) ? null : new Date(ms);
}

const ref = (id: number | null | undefined): string | null =>
  id === null || id === undefined ? null : String(id);

export async function recordsSince(
  client: PipedriveClient,
  since: Date | null,
): Promise<IndexRecord[]> {
  const query = since ? { updated_since: rfc3339(since) } : {};
  const [persons, deals, leads, keys] = await Promise.all([
    client.listV2('/api/v2/persons', query),
    client.listV2('/api/v2/deals', query),
    client.listV1('/api/v1/leads'),
    fieldKeys(client, 'deal'),
  ]);
  const out: IndexRecord[] = [];
  for (const item of persons) {
    const person = PersonSchema.parse(item);
    const phones = (person.phones ?? []).map((phone) => phone.value);
    out.push({
      entity: 'contacts',
      id: String(person.id),
      phones,
      ownerId: ref(person.owner_id),
      contactId: null,
      createdAt: pipedriveTime(Timed.parse(item).add_time),
    });
  }
  for (const item of leads) {
    const times = Timed.parse(item);
    const updated = pipedriveTime(times.update_time);
    if (since && updated && updated < since) continue;
    const lead = leadFrom(LeadSchema.parse(item), keys);
    out.push({
      entity: 'leads',
      id: lead.id,
      phones: lead.phones,
      ownerId: lead.ownerId ?? null,
      contactId: lead.contactId ?? null,
      createdAt: pipedriveTime(times.add_time),
    });
  }
  for (const item of deals) {
    const deal = DealSchema.parse(item);
    // A deal carries no phones in Pipedrive: it is reached through its person's.
    out.push({
      entity: 'deals',
      id: String(deal.id),
      phones: [],
      ownerId: ref(deal.owner_id),
      contactId: ref(deal.person_id),
      createdAt: pipedriveTime(Timed.parse(item).add_time),
    });
  }
  return out;
}

const IdOnly = z.looseObject({ id: z.number() });

/**
 * Deals deleted since a time: `GET /api/v2/deals?status=deleted&updated_since=…`
 * (deleting marks a deal deleted and changes its `update_time`: UNVERIFIED, README).
 * Pipedrive forgets a deleted deal after 30 days, so a poll must come within that.
 */
export async function dealsDeletedSince(
  client: PipedriveClient,
  since: Date,
): Promise<IndexRemoval[]> {
  const deleted = await client.listV2('/api/v2/deals', {
    status: 'deleted',
    updated_since: rfc3339(since),
  });
  return deleted.map((item) => ({ entity: 'deals', id: String(IdOnly.parse(item).id) }));
}
