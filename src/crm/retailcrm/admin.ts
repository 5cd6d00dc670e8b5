import { z } from 'zod';
import type { User } from '../../domain/snapshot.js';
import type { RetailcrmClient } from './client.js';
import type { StatusGroups } from './mapping.js';

// What the admin side reads from the account: users (to link employees),
// order types (G9's "pipelines"), order statuses, custom fields with types (G8).

const UserSchema = z.looseObject({
  id: z.number(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  active: z.boolean().optional(),
});

export async function listUsers(client: RetailcrmClient): Promise<User[]> {
  const users = (await client.all('/api/v5/users', 'users')).map((item) => UserSchema.parse(item));
  return users.map((u) => ({
    id: String(u.id),
    name: [u.firstName, u.lastName].filter((part) => part !== undefined).join(' '),
  }));
}

const Reference = (key: string) =>
  z.looseObject({
    [key]: z.union([
      z.record(z.string(), z.looseObject({ code: z.string(), name: z.string() }).loose()),
      z.array(z.looseObject({ code: z.string(), name: z.string() })),
    ]),
  });

/** G9: in retailCRM the "pipeline" of a new deal is the order type; its code is what pipeline rules name. */
export async function listPipelines(
  client: RetailcrmClient,
): Promise<Array<{ id: string; name: string }>> {
  const json = Reference('orderTypes').parse(
    await client.get('/api/v5/reference/order-types'),
  ) as Record<string, unknown>;
  return Object.values(json['orderTypes'] as Record<string, { code: string; name: string }>).map(
    (type) => ({ id: type.code, name: type.name }),
  );
}

const StatusSchema = z.looseObject({ code: z.string(), name: z.string(), group: z.string() });

/** Order status code → its group (`new`, `approval`, …, `complete`, `cancel`): won / lost / open. */
export async function statusGroups(client: RetailcrmClient): Promise<StatusGroups> {
  const json = z
    .looseObject({ statuses: z.union([z.record(z.string(), StatusSchema), z.array(StatusSchema)]) })
    .parse(await client.get('/api/v5/reference/statuses'));
  return new Map(Object.values(json.statuses).map((status) => [status.code, status.group]));
}

export interface CrmField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  /** G8: only string fields may receive parameters. */
  readonly isString: boolean;
}

const ENTITY = { contact: 'customer', deal: 'order' } as const;
const FieldSchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  entity: z.string().optional(),
});

/** Custom fields of customers (contacts) or orders (deals); retailCRM has no leads, so none for them. */
export async function listCustomFields(
  client: RetailcrmClient,
  entity: 'lead' | 'contact' | 'deal',
): Promise<CrmField[]> {
  if (entity === 'lead') return [];
  const fields = (
    await client.all('/api/v5/custom-fields', 'customFields', { 'filter[entity]': ENTITY[entity] })
  ).map((item) => FieldSchema.parse(item));
  return fields.map((field) => ({
    name: field.code,
    label: field.name,
    type: field.type,
    isString: field.type === 'string' || field.type === 'text',
  }));
}
