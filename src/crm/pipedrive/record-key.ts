import { z } from 'zod';
import { ensureStringField } from './admin.js';
import type { PipedriveClient } from './client.js';
import type { FieldKeys } from './mapping.js';

// D13 for Pipedrive's persons, organizations, deals and leads: the API has no
// external id, so each record carries the operation key that created it in a
// custom text field the account prepares (README), "Callmatrix key" (leads share
// the deal fields). After an uncertain create (a lost answer, or a crash between
// the answer and the ledger's record of it) the record is looked for by that key
// with the entity's search (fields=custom_fields, exact_match) before it is
// created again. Without the field there is nothing to find it by: the create is
// sent again, as the README says.

export const RECORD_KEY_FIELD = 'Callmatrix key';

export type KeyedEntity = 'person' | 'organization' | 'deal' | 'lead';

const SEARCH_PATH: Record<KeyedEntity, string> = {
  person: '/api/v2/persons/search',
  organization: '/api/v2/organizations/search',
  deal: '/api/v2/deals/search',
  lead: '/api/v2/leads/search',
};

const SearchSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      item: z.looseObject({
        id: z.union([z.number(), z.string()]),
        // The values of the item's custom fields that the search looked at.
        custom_fields: z.array(z.unknown()).nullable().optional(),
      }),
    }),
  ),
});

/** The custom-field values a create writes: the key, where the account has the field. */
export function keyValue(keys: FieldKeys, key: string): Record<string, string> {
  const field = keys.get(RECORD_KEY_FIELD);
  return field ? { [field]: key } : {};
}

/** The record created with `key`, by the search; null when none (or the account has no key field). */
export async function findByKey(
  client: PipedriveClient,
  entity: KeyedEntity,
  keys: FieldKeys,
  key: string,
): Promise<string | null> {
  if (!keys.has(RECORD_KEY_FIELD)) return null;
  const reply = await client.call({
    method: 'GET',
    url: SEARCH_PATH[entity],
    query: { term: key, fields: 'custom_fields', exact_match: 'true', limit: 10 },
  });
  // An exact match on some custom field: confirm it is the key itself, not a word of another value.
  const hit = SearchSchema.parse(reply.data).items.find(({ item }) =>
    (item.custom_fields ?? []).includes(key),
  );
  return hit ? String(hit.item.id) : null;
}

/** `body` with the key written: in `custom_fields` (API v2), or as a top-level hash key (v1 leads). */
export function withKey(
  body: Record<string, unknown>,
  keys: FieldKeys,
  key: string,
  entity: KeyedEntity,
): Record<string, unknown> {
  const value = keyValue(keys, key);
  if (entity === 'lead') return { ...body, ...value };
  const custom = (body['custom_fields'] ?? {}) as Record<string, unknown>;
  return { ...body, custom_fields: { ...custom, ...value } };
}

/** Prepares the key field on persons, organizations and deals (leads share the deal fields), as a user does in the UI (README). */
export async function ensureKeyFields(client: PipedriveClient): Promise<void> {
  for (const entity of ['contact', 'organization', 'deal'] as const)
    await ensureStringField(client, entity, RECORD_KEY_FIELD);
}
