import type { Operation } from '../domain/plan.js';
import { ok, type CrmPort, type PicklistEntity, type Picklists, type Result } from './crm-port.js';

// Issue 14 item 4: a mapped value is held to the CRM's picklist when the record is written. A
// value that is not (or no longer) one of the picklist's values is left out of the record, with a
// note in the journal; the record is still written. The picklists are read from the CRM's metadata
// and kept for a minute per port, so a busy project does not read them for every record.

const KEPT_MS = 60_000;
const kept = new WeakMap<CrmPort, Map<PicklistEntity, { at: number; lists: Picklists }>>();

const ENTITY_OF_CREATE: Partial<Record<Operation['op'], PicklistEntity>> = {
  create_lead: 'lead',
  create_contact: 'contact',
  create_deal: 'deal',
};

async function picklistsOf(
  port: CrmPort,
  entity: PicklistEntity,
  now: number,
): Promise<Result<Picklists>> {
  const byEntity = kept.get(port) ?? new Map<PicklistEntity, { at: number; lists: Picklists }>();
  kept.set(port, byEntity);
  const hit = byEntity.get(entity);
  if (hit && now - hit.at < KEPT_MS) return ok(hit.lists);
  let read: Result<Picklists>;
  if (port.picklists) read = await port.picklists(entity);
  else if (port.listFields) {
    const fields = await port.listFields(entity);
    read = fields.ok
      ? ok(
          new Map(
            fields.value.flatMap((field) =>
              field.type === 'picklist' && field.values ? [[field.name, field.values]] : [],
            ),
          ),
        )
      : fields;
  } else read = ok(new Map());
  if (read.ok) byEntity.set(entity, { at: now, lists: read.value });
  return read;
}

export interface HeldToPicklists {
  readonly operation: Operation;
  /** One line per field left out, for the journal. */
  readonly notes: string[];
}

/**
 * The operation as it may be written: a create's mapped fields whose value
 * the CRM's picklist lacks are left out, each with a note. Anything else is
 * returned as it is.
 */
export async function holdToPicklists(
  operation: Operation,
  port: CrmPort,
  now = Date.now(),
): Promise<Result<HeldToPicklists>> {
  const entity = ENTITY_OF_CREATE[operation.op];
  if (
    !entity ||
    !('record' in operation) ||
    !('fields' in operation.record) ||
    !operation.record.fields ||
    Object.keys(operation.record.fields).length === 0 ||
    (!port.picklists && !port.listFields)
  )
    return ok({ operation, notes: [] });
  const lists = await picklistsOf(port, entity, now);
  if (!lists.ok) return lists;
  const fields: Record<string, string> = {};
  const notes: string[] = [];
  for (const [name, value] of Object.entries(operation.record.fields)) {
    const values = lists.value.get(name);
    if (values && !values.includes(value))
      notes.push(
        `${name}: "${value}" is not a value of the CRM's picklist; the field was left out of the record`,
      );
    else fields[name] = value;
  }
  if (notes.length === 0) return ok({ operation, notes });
  const record = { ...operation.record, fields } as typeof operation.record;
  if (Object.keys(fields).length === 0) delete (record as { fields?: unknown }).fields;
  return ok({ operation: { ...operation, record } as Operation, notes });
}
