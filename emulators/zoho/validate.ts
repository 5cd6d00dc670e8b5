import { PARENT_MODULES, isModule, type FieldMeta, type ModuleName } from './fields.js';
import type { ZohoState } from './state.js';

// Payload validation of record writes (crm-apis.md §1.3, §1.5): per-record
// error entries `{code, details, message, status: "error"}`.

export interface RecordError {
  code: string;
  details: Record<string, unknown>;
  message: string;
  status: 'error';
}

export type Checked =
  { ok: true; values: Record<string, unknown> } | { ok: false; error: RecordError };

const fail = (code: string, message: string, details: Record<string, unknown>): Checked => ({
  ok: false,
  error: { code, details, message, status: 'error' },
});
const invalid = (apiName: string, index: number, expected: string): Checked =>
  fail('INVALID_DATA', 'invalid data', {
    api_name: apiName,
    json_path: `$.data[${index}].${apiName}`,
    expected_data_type: expected,
  });

const PHONE = /^\+?[0-9A-Za-z\s.\-()]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** A field name the emulator accepts as a custom text field it was not told about (README: lenient layout). */
const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Checks one input record and returns the values to store. `creating` adds the
 * system-mandatory checks; lookups must point to existing records.
 */
export function checkRecord(
  state: ZohoState,
  module: ModuleName,
  input: unknown,
  index: number,
  creating: boolean,
): Checked {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail('INVALID_DATA', 'invalid data', { json_path: `$.data[${index}]` });
  const record = input as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const seModule = record['$se_module'] ?? record['se_module'];
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || key === '$se_module' || key === 'se_module') continue;
    if (key.startsWith('$')) continue; // system keys ($approval_state, …) are read-only: ignored
    if (key === 'Remind_At') {
      if (
        value !== null &&
        !(typeof value === 'object' && typeof (value as { ALARM?: unknown }).ALARM === 'string')
      )
        return invalid(key, index, 'reminder');
      values[key] = value;
      continue;
    }
    const meta = state.fieldOf(module, key);
    if (!meta) {
      if (!CUSTOM_NAME.test(key) || (value !== null && typeof value !== 'string'))
        return invalid(key, index, 'text');
      values[key] = value;
      continue;
    }
    if (meta.read_only) continue;
    if (value === null) {
      values[key] = null;
      continue;
    }
    const checked = checkValue(
      state,
      module,
      meta,
      value,
      index,
      typeof seModule === 'string' ? seModule : undefined,
    );
    if (!checked.ok) return checked;
    Object.assign(values, checked.values);
  }
  if (
    (values['What_Id'] !== undefined && values['What_Id'] !== null) ||
    (module === 'Notes' && values['Parent_Id'])
  ) {
    if (typeof seModule !== 'string' && !(module === 'Notes' && values['$se_module'])) {
      return fail('MANDATORY_NOT_FOUND', 'required field not found', {
        api_name: '$se_module',
        json_path: `$.data[${index}].$se_module`,
      });
    }
  }
  if (typeof seModule === 'string') values['$se_module'] = seModule;
  if (creating) {
    for (const field of state.fieldsOf(module)) {
      if (!field.system_mandatory) continue;
      const value = values[field.api_name];
      if (value === undefined || value === null || value === '') {
        return fail('MANDATORY_NOT_FOUND', 'required field not found', {
          api_name: field.api_name,
          json_path: `$.data[${index}].${field.api_name}`,
        });
      }
    }
    if (
      module === 'Calls' &&
      (values['Call_Type'] === 'Inbound' || values['Call_Type'] === 'Outbound') &&
      !values['Call_Duration']
    ) {
      return fail('MANDATORY_NOT_FOUND', 'required field not found', {
        api_name: 'Call_Duration',
        json_path: `$.data[${index}].Call_Duration`,
      });
    }
  }
  return { ok: true, values };
}

function checkValue(
  state: ZohoState,
  module: ModuleName,
  meta: FieldMeta,
  value: unknown,
  index: number,
  seModule: string | undefined,
): Checked {
  const key = meta.api_name;
  const ok = (stored: unknown): Checked => ({ ok: true, values: { [key]: stored } });
  switch (meta.data_type) {
    case 'text':
    case 'textarea':
    case 'email':
      if (typeof value !== 'string') return invalid(key, index, meta.data_type);
      if (value.length > (meta.length ?? 255))
        return fail('INVALID_DATA', 'invalid data', {
          api_name: key,
          json_path: `$.data[${index}].${key}`,
          maximum_length: meta.length,
        });
      if (key === 'Call_Duration' && !/^\d{1,4}:\d{2}$/.test(value))
        return invalid(key, index, 'duration mm:ss');
      return ok(value);
    case 'phone':
      if (typeof value !== 'string' || value.length > 30 || !PHONE.test(value))
        return invalid(key, index, 'phone');
      return ok(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value)
        ? ok(value)
        : invalid(key, index, 'date');
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? ok(value)
        : invalid(key, index, 'datetime');
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
        ? ok(value)
        : invalid(key, index, 'integer');
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : invalid(key, index, 'boolean');
    case 'picklist': {
      if (typeof value !== 'string') return invalid(key, index, 'picklist');
      if (key === 'Pipeline') {
        // A neutral snapshot cannot declare the org's pipelines, so a new name becomes a pipeline (README).
        if (!state.pipelines.includes(value)) state.pipelines.push(value);
        return ok(value);
      }
      return meta.pick_list_values?.includes(value) ? ok(value) : invalid(key, index, 'picklist');
    }
    case 'ownerlookup': {
      const id = lookupId(value);
      return id && state.findUser(id)
        ? ok({ id, name: state.findUser(id)?.full_name })
        : invalid(key, index, 'ownerlookup');
    }
    case 'lookup': {
      const id = lookupId(value);
      const target = meta.lookup === '$se_module' ? seModule : meta.lookup;
      if (
        !id ||
        !target ||
        !isModule(target) ||
        (meta.lookup === '$se_module' && !PARENT_MODULES.includes(target))
      )
        return invalid(key, index, 'lookup');
      const found = state.find(target, id);
      if (!found) return invalid(key, index, 'lookup');
      return ok({ id, name: displayName(found) });
    }
  }
  void module;
  return invalid(key, index, meta.data_type);
}

/** Lookups come as `{id}` objects, and in the v2 Notes form as a bare id string (§1.8). */
function lookupId(value: unknown): string | null {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string'
  ) {
    const id = (value as { id: string }).id;
    return /^\d+$/.test(id) ? id : null;
  }
  return null;
}

export function displayName(record: Record<string, unknown>): string {
  const parts = [record['First_Name'], record['Last_Name']].filter(
    (part) => typeof part === 'string' && part,
  );
  if (parts.length > 0) return parts.join(' ');
  for (const key of ['Deal_Name', 'Account_Name', 'Subject', 'Note_Title'])
    if (typeof record[key] === 'string') return record[key];
  return '';
}
