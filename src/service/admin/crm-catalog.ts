import { boundMessengerFields } from '../../domain/messenger-field-map.js';
import type { CrmCatalog } from '../../crm/descriptor.js';
import type { CrmField, CrmPipeline, CrmPort } from '../../crm/port.js';
import {
  unmappedFieldValues,
  type Employee,
  type FieldEntity,
  type FieldMap,
  type ProjectSettings,
} from '../../domain/project.js';
import type { Problem } from '../../domain/problems.js';

// What the admin API reads from a CRM beyond the port's users: its pipelines
// and fields (service.md §2, G8). An adapter offers them by implementing
// CrmCatalog next to CrmPort (each real adapter maps its admin.ts in its
// catalog.ts); the in-memory CRM does not (it treats every field as a string
// field, as `simulate` does), so for it these checks pass.

// The shapes live beside the port, so the adapters need not import the service.
export type { CrmField, CrmPipeline };

export type { CrmCatalog };

export function catalogOf(port: CrmPort): CrmCatalog | null {
  const candidate = port as Partial<CrmCatalog>;
  return typeof candidate.listPipelines === 'function' && typeof candidate.listFields === 'function'
    ? (port as CrmPort & CrmCatalog)
    : null;
}

export type FieldCheck =
  | { readonly ok: true; readonly problems: Problem[] }
  | { readonly ok: false; readonly message: string };

/** What a field map may write into: text, and picklists (issue 14 item 4) whose values are checked. */
const TARGET_TYPES: ReadonlySet<CrmField['type']> = new Set(['string', 'picklist']);

/**
 * G8: every target of the field map exists on its entity and is a string
 * field or a picklist. `ok: false` when the CRM could not be asked; problems otherwise.
 */
export async function checkFieldMap(
  port: CrmPort,
  fieldMap: FieldMap,
  prefix = 'project.fieldMap',
): Promise<FieldCheck> {
  const catalog = catalogOf(port);
  if (!catalog) return { ok: true, problems: [] };
  const problems: Problem[] = [];
  for (const entity of ['lead', 'contact', 'deal'] as const) {
    const map = fieldMap[entity];
    if (!map || Object.keys(map).length === 0) continue;
    const fields = await catalog.listFields(entity);
    if (!fields.ok) return { ok: false, message: fields.error.message };
    const byName = new Map(fields.value.map((field) => [field.name, field]));
    for (const [param, target] of Object.entries(map)) {
      const field = byName.get(target);
      const path = `${prefix}.${entity}.${param}`;
      if (!field) problems.push({ path, message: `the CRM has no ${entity} field "${target}"` });
      else if (!TARGET_TYPES.has(field.type))
        problems.push({
          path,
          message: `"${target}" is a ${field.type} field: only string and picklist fields may receive parameters`,
        });
    }
  }
  return { ok: true, problems };
}

/**
 * G8 and issue 14 item 4, as a save and an activation check them: both maps'
 * targets, then every value a value table writes into a picklist is one of
 * that picklist's values (a value outside it: a problem naming the field and
 * the value; the map is not saved).
 */
export async function checkFieldMaps(
  port: CrmPort,
  settings: ProjectSettings,
): Promise<FieldCheck> {
  const problems: Problem[] = [...unmappedFieldValues(settings)];
  const maps: Array<[FieldMap, string]> = [[settings.fieldMap, 'project.fieldMap']];
  if (settings.messengerFieldMap)
    maps.push([boundMessengerFields(settings.messengerFieldMap), 'project.messengerFieldMap']);
  for (const [map, prefix] of maps) {
    const check = await checkFieldMap(port, map, prefix);
    if (!check.ok) return check;
    problems.push(...check.problems);
  }
  const catalog = catalogOf(port);
  if (!catalog) return { ok: true, problems };
  for (const entity of ['lead', 'contact', 'deal'] as const satisfies FieldEntity[]) {
    const tables = settings.fieldValues?.[entity];
    if (!tables || Object.keys(tables).length === 0) continue;
    const fields = await catalog.listFields(entity);
    if (!fields.ok) return { ok: false, message: fields.error.message };
    const byName = new Map(fields.value.map((field) => [field.name, field]));
    for (const [target, table] of Object.entries(tables)) {
      const field = byName.get(target);
      if (field?.type !== 'picklist' || !field.values) continue;
      const allowed = new Set(field.values);
      for (const [from, value] of Object.entries(table))
        if (!allowed.has(value))
          problems.push({
            path: `project.fieldValues.${entity}.${target}.${from}`,
            message: `"${value}" is not a value of the ${entity} picklist "${target}" (its values: ${field.values.join(', ')})`,
          });
    }
  }
  return { ok: true, problems };
}

/**
 * Issue 11 item 2: every employee's `crmUserId` names a user of the CRM, so
 * a typo is refused when it is saved (or at activation), not found later in
 * a call that fails with the CRM's "invalid owner". `ok: false` when the
 * CRM's users could not be read.
 */
export async function checkEmployees(
  port: CrmPort,
  employees: readonly Employee[],
  prefix = 'employees',
): Promise<FieldCheck> {
  if (!employees.some((employee) => employee.crmUserId)) return { ok: true, problems: [] };
  const users = await port.listUsers();
  if (!users.ok) return { ok: false, message: users.error.message };
  // A real CRM always lists at least the user its credentials belong to; an
  // empty list is the in-memory CRM without seeded users, which has no users to check against.
  if (users.value.length === 0) return { ok: true, problems: [] };
  const known = new Set(users.value.map((user) => user.id));
  const problems: Problem[] = [];
  employees.forEach((employee, index) => {
    if (employee.crmUserId && !known.has(employee.crmUserId))
      problems.push({
        path: `${prefix}[${index}].crmUserId`,
        message: `employee "${employee.id}" (${employee.name}): the CRM has no user "${employee.crmUserId}" (GET …/crm/users lists them)`,
      });
  });
  return { ok: true, problems };
}
