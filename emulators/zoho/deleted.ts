import { modifiedSince } from './conditional.js';
import type { ModuleName } from './fields.js';
import type { Reply } from './records.js';
import type { ZohoState } from './state.js';
import { displayName } from './validate.js';

// Deleting records and the list of deleted records (Zoho's "Delete Records"
// and "Get List of Deleted Records" docs, v2…v8; the official SDKs'
// RecordOperations.deleteRecord(s) / getDeletedRecords):
//
// - `DELETE /crm/{v}/{Module}/{id}` and `DELETE /crm/{v}/{Module}?ids=a,b`
//   (up to 100; `wf_trigger` accepted and ignored) move the records to the
//   recycle bin; each answers `{code: SUCCESS, details: {id}, message:
//   "record deleted", status: success}`.
// - `GET /crm/{v}/{Module}/deleted?type=all|recycle|permanent&page&per_page`
//   (per_page default and max 200) lists them: `{deleted_by, id,
//   display_name, type, Created_By, deleted_time}` and the usual `info`.
//   `If-Modified-Since` keeps the records deleted at or after it.
//
// UNVERIFIED, chosen here: an unknown id answers 400 INVALID_DATA in its
// entry (all failing) or 207 (some); a list with nothing answers 204, or 304
// when If-Modified-Since was sent (as Get Records does); the newest deletion
// comes first; Notes have no deleted list (400 INVALID_MODULE). Zoho empties
// the recycle bin after some time (UNVERIFIED how long; the records turn
// "permanent"); here only
// `POST /_emulator/faults {"emptyRecycleBin": true}` does, keeping each
// entry's deleted_time.

export interface DeletedRecord {
  readonly id: string;
  readonly display_name: string;
  type: 'recycle' | 'permanent';
  readonly deleted_by: { readonly name: string; readonly id: string } | null;
  readonly Created_By: unknown;
  readonly deleted_time: string;
}

const MAX_DELETE = 100;
const MAX_PER_PAGE = 200;
/** Modules with a deleted-records list (the docs' "Supported modules", as far as the emulator has them). */
const LISTED: readonly ModuleName[] = ['Leads', 'Contacts', 'Accounts', 'Deals', 'Tasks', 'Calls'];
const TYPES = new Set(['all', 'recycle', 'permanent']);

const error = (
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Reply => ({ status, body: { code, details, message, status: 'error' } });

type Entry = {
  code: string;
  status: 'success' | 'error';
  message: string;
  details: Record<string, unknown>;
};

/** DELETE one record (`pathId`) or those named in `ids`. */
export function remove(
  state: ZohoState,
  module: ModuleName,
  query: ReadonlyMap<string, string>,
  pathId?: string,
): Reply {
  const ids = pathId !== undefined ? [pathId] : (query.get('ids') ?? '').split(',').filter(Boolean);
  if (ids.length === 0)
    return error(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
      param: 'ids',
    });
  if (ids.length > MAX_DELETE)
    return error(400, 'LIMIT_EXCEEDED', `at most ${MAX_DELETE} records per call`, {
      limit: MAX_DELETE,
    });
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const user = state.currentUser();
  const entries = ids.map((id): Entry => {
    const list = state.list(module);
    const at = list.findIndex((record) => record.id === id);
    const record = list[at];
    if (!record)
      return {
        code: 'INVALID_DATA',
        status: 'error',
        message: 'the related id given seems to be invalid',
        details: { id },
      };
    list.splice(at, 1);
    state.deletedOf(module).unshift({
      id,
      display_name: displayName(record),
      type: 'recycle',
      deleted_by: user ? { name: user.full_name, id: user.id } : null,
      Created_By: record['Created_By'] ?? null,
      deleted_time: now,
    });
    return { code: 'SUCCESS', status: 'success', message: 'record deleted', details: { id } };
  });
  const failed = entries.filter((entry) => entry.status === 'error').length;
  return {
    status: failed === 0 ? 200 : failed === entries.length ? 400 : 207,
    body: { data: entries },
  };
}

/** GET {Module}/deleted: newest deletion first, `If-Modified-Since` on `deleted_time` (inclusive). */
export function listDeleted(
  state: ZohoState,
  module: ModuleName,
  query: ReadonlyMap<string, string>,
  ifModifiedSince: string | string[] | undefined,
): Reply {
  if (!LISTED.includes(module))
    return error(400, 'INVALID_MODULE', 'the module name given seems to be invalid');
  const type = query.get('type') ?? 'all';
  if (!TYPES.has(type)) return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'type' });
  const page = Number(query.get('page') ?? '1');
  const perPage = Number(query.get('per_page') ?? String(MAX_PER_PAGE));
  if (!Number.isInteger(page) || page < 1)
    return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'page' });
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
    return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'per_page' });
  const sinceMs = modifiedSince(ifModifiedSince);
  const found = state
    .deletedOf(module)
    .filter(
      (entry) =>
        (type === 'all' || entry.type === type) &&
        (sinceMs === null || Date.parse(entry.deleted_time) >= sinceMs),
    );
  if (sinceMs !== null && found.length === 0) return { status: 304, body: null };
  const slice = found.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0) return { status: 204, body: null };
  return {
    status: 200,
    body: {
      data: slice.map((entry) => ({ ...entry })),
      info: {
        per_page: perPage,
        count: slice.length,
        page,
        more_records: found.length > page * perPage,
      },
    },
  };
}
