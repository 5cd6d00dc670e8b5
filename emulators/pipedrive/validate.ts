import { fail, int, str } from './http.js';
import type { CustomValues, FieldEntity, PdPhone, PipedriveDb } from './state.js';

// Body checks shared by the routes; messages name the field, as Pipedrive's do.

export interface Ctx {
  readonly db: PipedriveDb;
  readonly query: URLSearchParams;
  readonly body: Record<string, unknown>;
  /** The user the credentials belong to. */
  readonly userId: number | null;
}

export function userRef(ctx: Ctx, name: string): number | null | undefined {
  const id = int(ctx.body, name);
  if (id && !ctx.db.users.some((user) => user.id === id))
    fail(400, `${name}: user ${id} not found`);
  return id;
}

export function personRef(ctx: Ctx, name = 'person_id'): number | null | undefined {
  const id = int(ctx.body, name);
  if (id && !ctx.db.persons.some((person) => person.id === id))
    fail(404, `Person with id ${id} not found`);
  return id;
}

export function orgRef(ctx: Ctx, name = 'org_id'): number | null | undefined {
  const id = int(ctx.body, name);
  if (id && !ctx.db.organizations.some((org) => org.id === id))
    fail(404, `Organization with id ${id} not found`);
  return id;
}

export function dealRef(ctx: Ctx): number | null | undefined {
  const id = int(ctx.body, 'deal_id');
  if (id && !ctx.db.deals.some((deal) => deal.id === id)) fail(404, `Deal with id ${id} not found`);
  return id;
}

export function leadRef(ctx: Ctx): string | null | undefined {
  const value = ctx.body['lead_id'];
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  const id = str(ctx.body, 'lead_id');
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return fail(400, 'lead_id must be a UUID');
  if (!ctx.db.leads.some((lead) => lead.id === id && !lead.converted)) fail(404, 'Lead not found');
  return id;
}

/** v2 `phones` / `emails`: an array of `{ value, primary?, label? }`. */
export function contactPoints(body: Record<string, unknown>, name: string): PdPhone[] | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return fail(400, `${name} must be an array`);
  return value.map((item: unknown, index) => {
    if (!item || typeof item !== 'object') return fail(400, `${name}[${index}] must be an object`);
    const point = item as Record<string, unknown>;
    if (typeof point['value'] !== 'string')
      return fail(400, `${name}[${index}].value must be a string`);
    return {
      value: point['value'],
      primary: point['primary'] === true || (point['primary'] === undefined && index === 0),
      label: typeof point['label'] === 'string' ? point['label'] : 'work',
    };
  });
}

/** Custom field values: keys must be the entity's field keys, values strings (or null to clear). */
export function customValues(
  db: PipedriveDb,
  entity: FieldEntity,
  source: Record<string, unknown>,
  path: string,
): CustomValues {
  const out: CustomValues = {};
  for (const [key, value] of Object.entries(source)) {
    const field = db.fields[entity].find((candidate) => candidate.key === key);
    if (!field) return fail(400, `${path}: custom field ${key} does not exist`);
    if (value !== null && typeof value !== 'string' && typeof value !== 'number')
      return fail(400, `${path}.${key}: invalid value for a ${field.field_type} field`);
    out[key] = value === null ? null : String(value);
  }
  return out;
}

export function customFieldsV2(ctx: Ctx, entity: FieldEntity): CustomValues | undefined {
  const value = ctx.body['custom_fields'];
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return fail(400, 'custom_fields must be an object');
  return customValues(ctx.db, entity, value as Record<string, unknown>, 'custom_fields');
}

export const byId = <T extends { id: number | string }>(
  list: readonly T[],
  id: string | undefined,
  what: string,
): T => {
  const found = list.find((item) => String(item.id) === id);
  return found ?? fail(404, `${what} not found`);
};

/** v2 list filters: every given `name` must equal the record's field. */
export function filterBy<T>(
  list: readonly T[],
  query: URLSearchParams,
  names: ReadonlyArray<keyof T & string>,
): T[] {
  // `ids`: up to 100 comma-separated ids (v2 lists).
  const ids = query
    .get('ids')
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids && ids.length > 100) fail(400, 'ids: at most 100 ids');
  return list.filter(
    (item) =>
      (!ids || ids.includes(String((item as { id?: unknown }).id))) &&
      names.every((name) => {
        const wanted = query.get(name);
        return wanted === null || wanted === '' || String(item[name]) === wanted;
      }),
  );
}

/**
 * v2 lists' `updated_since` (RFC 3339): items whose update_time is at or after it.
 * update_time is stored in v1's `YYYY-MM-DD HH:MM:SS` (UTC).
 */
export function updatedSince<T extends { update_time: string }>(
  list: readonly T[],
  query: URLSearchParams,
): T[] {
  const since = query.get('updated_since');
  if (since === null || since === '') return [...list];
  const sinceMs = Date.parse(since);
  if (Number.isNaN(sinceMs)) fail(400, 'updated_since: expected an RFC 3339 date-time');
  return list.filter((item) => Date.parse(`${item.update_time.replace(' ', 'T')}Z`) >= sinceMs);
}
