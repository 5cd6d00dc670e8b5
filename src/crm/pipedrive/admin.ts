import type { CrmIdentity } from '../descriptor.js';
import { identityOf } from '../identity.js';
import { z } from 'zod';
import type { User } from '../../domain/snapshot.js';
import type { PipedriveClient } from './client.js';
import type { FieldEntity, FieldKeys } from './mapping.js';
import { FieldSchema, PipelineSchema, StageSchema, UserSchema } from './native.js';
import { channelOptions, type ChannelOptions } from './source-fields.js';

// What the admin side reads from the account (service.md §2: crm/users,
// crm/pipelines, crm/fields): users, deal pipelines with their stages (G9),
// and custom fields with their types (G8: string fields only).

/** The token's user (`GET /api/v1/users/me`): "Test connection". */
export async function currentUser(client: PipedriveClient): Promise<CrmIdentity> {
  const page = await client.call({ method: 'GET', url: '/api/v1/users/me' });
  return identityOf(page.data, 'GET /api/v1/users/me');
}

export async function listUsers(client: PipedriveClient): Promise<User[]> {
  const page = await client.call({ method: 'GET', url: '/api/v1/users' });
  return z
    .array(UserSchema)
    .parse(page.data ?? [])
    .filter((u) => u.active_flag !== false)
    .map((u) => ({ id: String(u.id), name: u.name }));
}

export interface Pipeline {
  readonly id: string;
  readonly name: string;
  readonly stages: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export async function listPipelines(client: PipedriveClient): Promise<Pipeline[]> {
  const [pipelines, stages] = await Promise.all([
    client.listV2('/api/v2/pipelines'),
    client.listV2('/api/v2/stages'),
  ]);
  const stageList = z.array(StageSchema).parse(stages);
  return z
    .array(PipelineSchema)
    .parse(pipelines)
    .map((p) => ({
      id: String(p.id),
      name: p.name,
      stages: stageList
        .filter((s) => s.pipeline_id === p.id)
        .sort((a, b) => (a.order_nr ?? 0) - (b.order_nr ?? 0))
        .map((s) => ({ id: String(s.id), name: s.name })),
    }));
}

/** Creates the pipeline unless one of that name exists; its id. */
export async function ensurePipeline(client: PipedriveClient, name: string): Promise<string> {
  const existing = (await listPipelines(client)).find((p) => p.name === name);
  if (existing) return existing.id;
  const created = await client.call({ method: 'POST', url: '/api/v2/pipelines', json: { name } });
  return String(PipelineSchema.parse(created.data).id);
}

export interface CrmField {
  /** Pipedrive's key: a 40-hex hash for custom fields. */
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly custom: boolean;
  /** G8: only string fields may receive a parameter. */
  readonly isString: boolean;
  /** An option field's option labels, what a person picks from. */
  readonly picklist?: readonly string[];
}

/** Leads have no field list of their own: they share the deal fields. */
const FIELDS_PATH: Record<'lead' | 'contact' | 'deal' | 'organization', string> = {
  lead: '/api/v1/dealFields',
  deal: '/api/v1/dealFields',
  contact: '/api/v1/personFields',
  organization: '/api/v1/organizationFields',
};
export const FIELD_ENTITY: Record<keyof typeof FIELDS_PATH, FieldEntity> = {
  lead: 'deal',
  deal: 'deal',
  contact: 'person',
  organization: 'organization',
};
const STRING_TYPES = new Set(['varchar', 'varchar_auto', 'text']);

export async function listFields(
  client: PipedriveClient,
  entity: keyof typeof FIELDS_PATH,
): Promise<CrmField[]> {
  const fields = z.array(FieldSchema).parse(await client.listV1(FIELDS_PATH[entity]));
  return fields.map((f) => ({
    key: f.key,
    name: f.name,
    type: f.field_type,
    custom: /^[0-9a-f]{40}$/.test(f.key),
    isString: STRING_TYPES.has(f.field_type),
    ...(f.options && { picklist: f.options.map((option) => option.label) }),
  }));
}

/** The deal fields' custom keys and the Source channel's options (leads share them), from one read. */
export async function dealFieldKeys(
  client: PipedriveClient,
): Promise<{ keys: FieldKeys; channels: ChannelOptions }> {
  const fields = z.array(FieldSchema).parse(await client.listV1(FIELDS_PATH.deal));
  return {
    keys: new Map(fields.filter((f) => /^[0-9a-f]{40}$/.test(f.key)).map((f) => [f.name, f.key])),
    channels: channelOptions(fields),
  };
}

/** The custom fields of an entity, name → key (what mapping.ts writes through). */
export async function fieldKeys(client: PipedriveClient, entity: FieldEntity): Promise<FieldKeys> {
  const path =
    entity === 'person'
      ? FIELDS_PATH.contact
      : entity === 'organization'
        ? FIELDS_PATH.organization
        : FIELDS_PATH.deal;
  const fields = z.array(FieldSchema).parse(await client.listV1(path));
  return new Map(fields.filter((f) => /^[0-9a-f]{40}$/.test(f.key)).map((f) => [f.name, f.key]));
}

/** Creates a text custom field unless one of that name exists (setting up a project's field map, G8). */
export async function ensureStringField(
  client: PipedriveClient,
  entity: keyof typeof FIELDS_PATH,
  name: string,
): Promise<CrmField> {
  const existing = (await listFields(client, entity)).find((f) => f.name === name);
  if (existing) return existing;
  const created = await client.call({
    method: 'POST',
    url: FIELDS_PATH[entity],
    json: { name, field_type: 'varchar' },
  });
  const field = FieldSchema.parse(created.data);
  return { key: field.key, name: field.name, type: field.field_type, custom: true, isString: true };
}
