import { modifiedAtOrAfter } from './conditional.js';
import {
  matches,
  matchesPhone,
  matchesWord,
  parseCriteria,
  unknownFields,
  CriteriaError,
} from './criteria.js';
import { isModule, type ModuleName } from './fields.js';
import { MAX_PER_PAGE, listWindow, tokenInfo } from './paging.js';
import type { NativeRecord, ZohoState } from './state.js';
import { error, type Reply } from './reply.js';

// Record operations of crm-apis.md §1.3–§1.8 and §1.11, independent of HTTP:
// each returns the status and body Zoho would send (null body = 204 or 304).
// The reads live here, the writes in record-writes.ts.

export type { Reply } from './reply.js';
export { insert, update } from './record-writes.js';

const SEARCH_LIMIT = 2000;

/** The record as Zoho shows it on a read. */
export function render(
  state: ZohoState,
  module: ModuleName,
  record: NativeRecord,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  const owner =
    typeof record['Owner'] === 'object' && record['Owner'] !== null
      ? (record['Owner'] as { id: string })
      : null;
  if (owner) {
    const user = state.findUser(owner.id);
    out['Owner'] = { id: owner.id, name: user?.full_name ?? '', email: user?.email ?? '' };
  }
  if (module === 'Notes' && record['Parent_Id']) {
    const parent = record['Parent_Id'] as { id: string; name?: string };
    out['Parent_Id'] = {
      module: { api_name: record['$se_module'] },
      id: parent.id,
      name: parent.name ?? '',
    };
  }
  if (module === 'Calls' && typeof record['Call_Duration'] === 'string') {
    const [min, sec] = record['Call_Duration'].split(':').map(Number);
    out['Call_Duration_in_seconds'] = (min ?? 0) * 60 + (sec ?? 0);
  }
  return out;
}

function pageOf(query: ReadonlyMap<string, string>): { page: number; perPage: number } | Reply {
  const page = Number(query.get('page') ?? '1');
  const perPage = Number(query.get('per_page') ?? String(MAX_PER_PAGE));
  if (!Number.isInteger(page) || page < 1)
    return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'page' });
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
    return error(400, 'INVALID_DATA', 'invalid data', { api_name: 'per_page' });
  return { page, perPage };
}

function listReply(
  state: ZohoState,
  module: ModuleName,
  found: NativeRecord[],
  page: number,
  perPage: number,
): Reply {
  const slice = found.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0) return { status: 204, body: null };
  return {
    status: 200,
    body: {
      data: slice.map((record) => render(state, module, record)),
      info: {
        per_page: perPage,
        count: slice.length,
        page,
        sort_by: 'id',
        sort_order: 'asc',
        more_records: found.length > page * perPage,
      },
    },
  };
}

export function search(
  state: ZohoState,
  module: ModuleName,
  query: ReadonlyMap<string, string>,
): Reply {
  const paging = pageOf(query);
  if ('status' in paging) return paging;
  if (paging.page * paging.perPage > SEARCH_LIMIT)
    return error(400, 'LIMIT_REACHED', 'search results exceed the limit', { limit: SEARCH_LIMIT });
  let test: (record: NativeRecord) => boolean;
  const criteria = query.get('criteria');
  const email = query.get('email');
  const phone = query.get('phone');
  const word = query.get('word');
  if (criteria !== undefined) {
    try {
      const parsed = parseCriteria(criteria);
      const unknown = unknownFields(parsed, state.fieldsOf(module));
      if (unknown.length > 0)
        return error(400, 'INVALID_QUERY', 'invalid query formed', { api_name: unknown[0] });
      test = (record) => matches(record, parsed, state.fieldsOf(module));
    } catch (cause) {
      if (cause instanceof CriteriaError)
        return error(400, 'INVALID_QUERY', 'invalid query formed', { reason: cause.message });
      throw cause;
    }
  } else if (email !== undefined) {
    test = (record) =>
      typeof record['Email'] === 'string' && record['Email'].toLowerCase() === email.toLowerCase();
  } else if (phone !== undefined) {
    if (phone.replace(/\s/g, '').length < 2)
      return error(400, 'INVALID_DATA', 'the search value must be at least 2 characters', {
        api_name: 'phone',
      });
    if (/[^0-9+\s().-]/.test(phone))
      return error(400, 'INVALID_DATA', 'special characters are not allowed in a phone search', {
        api_name: 'phone',
      });
    test = (record) => matchesPhone(record, state.fieldsOf(module), phone);
  } else if (word !== undefined) {
    if (word.length < 2)
      return error(400, 'INVALID_DATA', 'the search value must be at least 2 characters', {
        api_name: 'word',
      });
    test = (record) => matchesWord(record, word);
  } else {
    return error(400, 'EXPECTED_PARAM_MISSING', 'one of the expected parameter is missing', {
      expected_params: ['criteria', 'email', 'phone', 'word'],
    });
  }
  // Leads: `converted` defaults to false, so converted leads are left out unless asked for (§1.4).
  const converted = module === 'Leads' ? (query.get('converted') ?? 'false') : 'both';
  const found = state.list(module).filter((record) => {
    const isConverted = record['$converted'] === true;
    if (converted === 'false' && isConverted) return false;
    if (converted === 'true' && !isConverted) return false;
    return test(record);
  });
  return listReply(state, module, found, paging.page, paging.perPage);
}

export interface ListOptions {
  /** A valid If-Modified-Since; nothing modified since answers 304 with no body (null body). */
  readonly sinceMs?: number | null;
  /** Page tokens past 2000 records (v2.1 and later; paging.ts). */
  readonly tokens?: boolean;
  readonly nowMs?: number;
}

/** Get Records: `page` up to 2000 records, `page_token` beyond (paging.ts). */
export function list(
  state: ZohoState,
  module: ModuleName,
  query: ReadonlyMap<string, string>,
  options: ListOptions = {},
): Reply {
  const { sinceMs = null, tokens = true, nowMs = Date.now() } = options;
  const window = listWindow(state.pageTokens, module, query, tokens, nowMs);
  if ('code' in window) return error(400, window.code, window.message, window.details);
  const ids = query.get('ids');
  const wanted = ids ? new Set(ids.split(',')) : null;
  const found = state
    .list(module)
    .filter(
      (record) =>
        (!wanted || wanted.has(record.id)) &&
        (sinceMs === null || modifiedAtOrAfter(record, sinceMs)),
    );
  if (sinceMs !== null && found.length === 0) return { status: 304, body: null };
  const slice = found.slice(window.start, window.start + window.perPage);
  if (slice.length === 0) return { status: 204, body: null };
  const more = found.length > window.start + window.perPage;
  return {
    status: 200,
    body: {
      data: slice.map((record) => render(state, module, record)),
      info: {
        per_page: window.perPage,
        count: slice.length,
        page: Math.floor(window.start / window.perPage) + 1,
        sort_by: 'id',
        sort_order: 'asc',
        more_records: more,
        ...(tokens && tokenInfo(state.pageTokens, module, query, window, found.length, nowMs)),
      },
    },
  };
}

export function getOne(state: ZohoState, module: ModuleName, id: string): Reply {
  const record = state.find(module, id);
  if (!record)
    return error(400, 'INVALID_DATA', 'the related id given seems to be invalid', {
      api_name: 'id',
      id,
    });
  return { status: 200, body: { data: [render(state, module, record)] } };
}

/** Related lists: a record's Notes, a contact's Deals (§1.14). */
export function related(
  state: ZohoState,
  module: ModuleName,
  id: string,
  relatedName: string,
  query: ReadonlyMap<string, string>,
): Reply {
  if (!state.find(module, id))
    return error(400, 'INVALID_DATA', 'the related id given seems to be invalid', {
      api_name: 'id',
      id,
    });
  const paging = pageOf(query);
  if ('status' in paging) return paging;
  if (relatedName === 'Notes') {
    const notes = state
      .list('Notes')
      .filter((note) => (note['Parent_Id'] as { id?: string } | undefined)?.id === id);
    return listReply(state, 'Notes', notes, paging.page, paging.perPage);
  }
  if (!isModule(relatedName))
    return error(400, 'INVALID_DATA', 'invalid related list', { api_name: relatedName });
  const link =
    relatedName === 'Deals' && module === 'Contacts'
      ? 'Contact_Name'
      : relatedName === 'Deals' && module === 'Accounts'
        ? 'Account_Name'
        : relatedName === 'Contacts' && module === 'Accounts'
          ? 'Account_Name'
          : null;
  if (!link) return error(400, 'INVALID_DATA', 'invalid related list', { api_name: relatedName });
  const found = state
    .list(relatedName)
    .filter((record) => (record[link] as { id?: string } | undefined)?.id === id);
  return listReply(state, relatedName, found, paging.page, paging.perPage);
}
