import { z } from 'zod';
import type { User } from '../../domain/snapshot.js';
import { CrmError } from '../port.js';
import type { CrmIdentity } from '../descriptor.js';
import { identityOf } from '../identity.js';
import type { ZohoClient } from './client.js';
import { nativeToUser, stageStatus } from './mapping.js';

// What the admin side reads from a connected Zoho org (service.md §2:
// `…/crm/users`, `…/crm/pipelines`, `…/crm/fields`).

const UsersReply = z.looseObject({
  users: z.array(
    z.looseObject({
      id: z.string(),
      full_name: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
    }),
  ),
  info: z.looseObject({ more_records: z.boolean().optional() }).optional(),
});

/** The token's user (`GET /users?type=CurrentUser`, §1.9): "Test connection". */
export async function currentUser(client: ZohoClient): Promise<CrmIdentity> {
  const body = (await client.getJson('users', { type: 'CurrentUser' })) as
    { users?: Array<Record<string, unknown>> } | undefined;
  const user = body?.users?.[0];
  if (!user) throw new CrmError('permanent', 'GET users?type=CurrentUser: Zoho names no user');
  return identityOf({ ...user, name: user['full_name'] }, 'GET users?type=CurrentUser');
}

/** Active users, all pages (§1.9). */
export async function listUsers(client: ZohoClient): Promise<User[]> {
  const out: User[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const body = await client.getJson('users', {
      type: 'ActiveUsers',
      page: String(page),
      per_page: '200',
    });
    if (body === undefined) break;
    const parsed = UsersReply.safeParse(body);
    if (!parsed.success) throw new CrmError('retryable', 'GET users: unreadable Zoho reply');
    out.push(...parsed.data.users.map(nativeToUser));
    if (!parsed.data.info?.more_records) break;
  }
  return out;
}

export interface Pipeline {
  readonly id: string;
  /** The value a deal's `Pipeline` field takes (G9). */
  readonly name: string;
  readonly isDefault: boolean;
  readonly stages: ReadonlyArray<{
    readonly name: string;
    readonly status: 'open' | 'won' | 'lost';
  }>;
}

const LayoutsReply = z.looseObject({ layouts: z.array(z.looseObject({ id: z.string() })) });
const PipelineReply = z.looseObject({
  pipeline: z.array(
    z.looseObject({
      id: z.string(),
      actual_value: z.string(),
      default: z.boolean().optional(),
      maps: z
        .array(z.looseObject({ actual_value: z.string(), forecast_type: z.string().optional() }))
        .default([]),
    }),
  ),
});

/** Deal pipelines of every Deals layout (§1.10: `layout_id` is mandatory). */
export async function listPipelines(client: ZohoClient): Promise<Pipeline[]> {
  const layouts = LayoutsReply.safeParse(
    await client.getJson('settings/layouts', { module: 'Deals' }),
  );
  if (!layouts.success)
    throw new CrmError('retryable', 'GET settings/layouts: unreadable Zoho reply');
  const seen = new Map<string, Pipeline>();
  for (const layout of layouts.data.layouts) {
    const body = await client.getJson('settings/pipeline', { layout_id: layout.id });
    if (body === undefined) continue;
    const parsed = PipelineReply.safeParse(body);
    if (!parsed.success)
      throw new CrmError('retryable', 'GET settings/pipeline: unreadable Zoho reply');
    for (const pipeline of parsed.data.pipeline) {
      if (seen.has(pipeline.actual_value)) continue;
      seen.set(pipeline.actual_value, {
        id: pipeline.id,
        name: pipeline.actual_value,
        isDefault: pipeline.default === true,
        stages: pipeline.maps.map((stage) => ({
          name: stage.actual_value,
          status: forecastStatus(stage.forecast_type, stage.actual_value),
        })),
      });
    }
  }
  return [...seen.values()];
}

function forecastStatus(forecast: string | undefined, name: string): 'open' | 'won' | 'lost' {
  if (forecast === 'Closed Won') return 'won';
  if (forecast === 'Closed Lost') return 'lost';
  return forecast === 'Open' ? 'open' : stageStatus(name);
}

export interface CrmField {
  readonly apiName: string;
  readonly label: string;
  readonly type: string;
  /** G8: only string fields may receive a parameter. */
  readonly isString: boolean;
  /** A picklist's values by API value (`actual_value`), what a record is written with. */
  readonly picklist?: readonly string[];
}

const STRING_TYPES = new Set(['text', 'textarea', 'email', 'phone', 'website']);
const MODULE_OF_ENTITY = { lead: 'Leads', contact: 'Contacts', deal: 'Deals' } as const;
const FieldsReply = z.looseObject({
  fields: z.array(
    z.looseObject({
      api_name: z.string(),
      field_label: z.string().optional(),
      data_type: z.string(),
      read_only: z.boolean().optional(),
      pick_list_values: z
        .array(
          z.looseObject({
            actual_value: z.string().optional(),
            display_value: z.string().optional(),
          }),
        )
        .optional(),
    }),
  ),
});

export async function listFields(
  client: ZohoClient,
  entity: keyof typeof MODULE_OF_ENTITY,
): Promise<CrmField[]> {
  const parsed = FieldsReply.safeParse(
    await client.getJson('settings/fields', { module: MODULE_OF_ENTITY[entity] }),
  );
  if (!parsed.success)
    throw new CrmError('retryable', 'GET settings/fields: unreadable Zoho reply');
  return parsed.data.fields
    .filter((field) => field.read_only !== true)
    .map((field) => ({
      apiName: field.api_name,
      label: field.field_label ?? field.api_name,
      type: field.data_type,
      isString: STRING_TYPES.has(field.data_type),
      ...(field.pick_list_values && {
        picklist: field.pick_list_values.flatMap(
          (value) => value.actual_value ?? value.display_value ?? [],
        ),
      }),
    }));
}
