import { PARENT_MODULES, type ModuleName } from './fields.js';
import { error, type Reply } from './reply.js';
import type { NativeRecord, ZohoState } from './state.js';
import { checkRecord, type RecordError } from './validate.js';

// Record writes (insert, update, notes attached to a record), independent
// of HTTP: each returns the status and body Zoho would send.

const MAX_WRITE = 100;

type Entry =
  | { code: 'SUCCESS'; status: 'success'; message: string; details: Record<string, unknown> }
  | RecordError;

function dataOf(body: unknown): unknown[] | Reply {
  const data =
    typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data))
    return error(400, 'INVALID_DATA', 'invalid data', {
      api_name: 'data',
      expected_data_type: 'jsonarray',
    });
  if (data.length > MAX_WRITE)
    return error(400, 'LIMIT_EXCEEDED', `at most ${MAX_WRITE} records per call`, {
      limit: MAX_WRITE,
    });
  return data as unknown[];
}

/** One reply for a batch: 201/200 when all succeed, 400 when all fail, 207 when mixed (partial-success code UNVERIFIED). */
function writeReply(entries: Entry[], successStatus: number): Reply {
  const failed = entries.filter((entry) => entry.status === 'error').length;
  const status = failed === 0 ? successStatus : failed === entries.length ? 400 : 207;
  return { status, body: { data: entries } };
}

export function insert(
  state: ZohoState,
  module: ModuleName,
  body: unknown,
  parent?: { module: ModuleName; id: string },
): Reply {
  const data = dataOf(body);
  if (!Array.isArray(data)) return data;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const creator = state.currentUser();
  const entries = data.map((input, index): Entry => {
    const prepared = module === 'Notes' ? noteInput(input, parent) : input;
    const checked = checkRecord(state, module, prepared, index, true);
    if (!checked.ok) return checked.error;
    const duplicate = uniqueClash(state, module, checked.values, null, index);
    if (duplicate) return duplicate;
    const id = state.nextId();
    const by = creator ? { id: creator.id, name: creator.full_name } : null;
    const record: NativeRecord = {
      // Zoho makes the token's user the owner of a record written without one (§1.5).
      ...(creator ? { Owner: { id: creator.id, name: creator.full_name } } : {}),
      ...withoutNulls(checked.values),
      id,
      Created_Time: now,
      Modified_Time: now,
      ...(by && { Created_By: by, Modified_By: by }),
    };
    state.list(module).push(record);
    return {
      code: 'SUCCESS',
      status: 'success',
      message: 'record added',
      details: {
        id,
        Created_Time: now,
        Modified_Time: now,
        Created_By: by,
        Modified_By: by,
        $approval_state: 'approved',
      },
    };
  });
  return writeReply(entries, 201);
}

export function update(
  state: ZohoState,
  module: ModuleName,
  body: unknown,
  pathId?: string,
): Reply {
  const data = dataOf(body);
  if (!Array.isArray(data)) return data;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const entries = data.map((input, index): Entry => {
    const id =
      pathId ??
      (typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined);
    if (typeof id !== 'string')
      return {
        code: 'MANDATORY_NOT_FOUND',
        status: 'error',
        message: 'required field not found',
        details: { api_name: 'id', json_path: `$.data[${index}].id` },
      };
    const record = state.find(module, id);
    if (!record)
      return {
        code: 'INVALID_DATA',
        status: 'error',
        message: 'the related id given seems to be invalid',
        details: { api_name: 'id', json_path: `$.data[${index}].id` },
      };
    const checked = checkRecord(state, module, input, index, false);
    if (!checked.ok) return checked.error;
    const duplicate = uniqueClash(state, module, checked.values, id, index);
    if (duplicate) return duplicate;
    for (const [key, value] of Object.entries(checked.values)) {
      if (value === null) delete record[key];
      else record[key] = value;
    }
    record['Modified_Time'] = now;
    return {
      code: 'SUCCESS',
      status: 'success',
      message: 'record updated',
      details: { id, Modified_Time: now },
    };
  });
  return writeReply(entries, 200);
}

/** Notes name their parent as `{module: {api_name}, id}` (v4+) or flat with `se_module` / `$se_module` (v2, §1.8). */
function noteInput(
  input: unknown,
  parent: { module: ModuleName; id: string } | undefined,
): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const note = { ...(input as Record<string, unknown>) };
  if (parent) {
    note['Parent_Id'] = { id: parent.id };
    note['$se_module'] = parent.module;
  }
  const parentId = note['Parent_Id'];
  if (typeof parentId === 'object' && parentId !== null) {
    const apiName = (parentId as { module?: { api_name?: unknown } }).module?.api_name;
    if (typeof apiName === 'string') note['$se_module'] = apiName;
  }
  const se = note['$se_module'] ?? note['se_module'];
  if (typeof se === 'string' && !PARENT_MODULES.includes(se as ModuleName))
    note['$se_module'] = '__invalid__';
  return note;
}

function uniqueClash(
  state: ZohoState,
  module: ModuleName,
  values: Record<string, unknown>,
  selfId: string | null,
  index: number,
): RecordError | null {
  for (const field of state.fieldsOf(module)) {
    if (!field.unique) continue;
    const value = values[field.api_name];
    if (typeof value !== 'string' || value === '') continue;
    const existing = state
      .list(module)
      .find((record) => record.id !== selfId && record[field.api_name] === value);
    if (existing) {
      return {
        code: 'DUPLICATE_DATA',
        status: 'error',
        message: 'duplicate data',
        details: {
          api_name: field.api_name,
          json_path: `$.data[${index}].${field.api_name}`,
          id: existing.id,
        },
      };
    }
  }
  return null;
}

function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== null && value !== undefined),
  );
}
