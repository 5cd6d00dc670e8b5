import { randomBytes } from 'node:crypto';
import { to18 } from './ids.js';
import type { Org } from './org.js';
import { SfFailure, type SRecord } from './org.js';
import { getDeleted } from './get-deleted.js';
import { malformed, parseQuery, runQuery } from './soql.js';
import { parseSearch, runSearch } from './sosl.js';

// The REST API proper (crm-apis.md §4, §6): routes under /services/data/vNN.N,
// answered from the org. Auth, faults and counting live in the server.

export interface ApiRequest {
  readonly method: string;
  /** The path after /services/data/vNN.N, without a trailing slash. */
  readonly path: string;
  readonly version: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string | undefined>;
  readonly body: unknown;
}
export interface ApiResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}
export interface ApiContext {
  readonly org: Org;
  readonly queryBatchSize: number;
  readonly cursors: Map<string, { type: string; rows: SRecord[]; offset: number; total: number }>;
}

export const notFound = (): SfFailure =>
  new SfFailure(404, [
    { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' },
  ]);
const objectBody = (body: unknown): Record<string, unknown> => {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new SfFailure(400, [
      { errorCode: 'JSON_PARSER_ERROR', message: 'The request body must be a JSON object' },
    ]);
  return body as Record<string, unknown>;
};
const withAttributes = (
  version: string,
  type: string,
  record: SRecord,
): Record<string, unknown> => ({
  attributes: {
    type,
    url: `/services/data/v${version}/sobjects/${type}/${String(record['Id'] ?? '')}`,
  },
  ...record,
});

/** The route pattern a request is counted under (`GET /services/data/{version}/query`). */
export function routeOf(method: string, path: string): string {
  const parts = path.split('/').filter(Boolean);
  const [head, type, second, third] = parts;
  let pattern = `/${parts.join('/')}`;
  if (head === 'query' || head === 'queryAll')
    pattern = parts.length > 1 ? `/${head}/{locator}` : `/${head}`;
  else if (head === 'sobjects' && type) {
    if (second === 'describe') pattern = `/sobjects/${type}/describe`;
    else if (second === 'deleted' && third === undefined) pattern = `/sobjects/${type}/deleted`;
    else if (third !== undefined) pattern = `/sobjects/${type}/${second ?? ''}/{value}`;
    else if (second !== undefined) pattern = `/sobjects/${type}/{id}`;
    else pattern = `/sobjects/${type}`;
  }
  return `${method} /services/data/{version}${pattern === '/' ? '' : pattern}`;
}

export function handleApi(ctx: ApiContext, req: ApiRequest): ApiResponse {
  const { org } = ctx;
  const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, a, b, c] = parts;
  const { method, version } = req;
  if (parts.length === 0 && method === 'GET') {
    return {
      status: 200,
      body: {
        sobjects: '/services/data/v' + version + '/sobjects',
        query: `/services/data/v${version}/query`,
        search: `/services/data/v${version}/search`,
        limits: `/services/data/v${version}/limits`,
      },
    };
  }
  if ((head === 'query' || head === 'queryAll') && method === 'GET') {
    if (a) return nextBatch(ctx, version, a);
    const q = req.query.get('q');
    if (!q) throw malformed('A query string has to be specified');
    const rows = runQuery(org, parseQuery(q));
    const type = org.typeNamed(parseQuery(q).type);
    const batch = Number(
      /batchSize=(\d+)/.exec(req.headers['sforce-query-options'] ?? '')?.[1] ?? ctx.queryBatchSize,
    );
    return batchOf(ctx, version, type, rows, 0, Math.max(1, Math.min(batch, ctx.queryBatchSize)));
  }
  if (head === 'search' && method === 'GET') {
    const q = req.query.get('q');
    if (!q) throw malformed('A search string has to be specified');
    const found = runSearch(org, parseSearch(q));
    return {
      status: 200,
      body: { searchRecords: found.map((hit) => withAttributes(version, hit.type, hit.record)) },
    };
  }
  if (head === 'sobjects') {
    if (!a && method === 'GET')
      return {
        status: 200,
        body: {
          encoding: 'UTF-8',
          maxBatchSize: 200,
          sobjects: [...org.schema.keys()].map((name) => ({
            name,
            label: name,
            createable: true,
            queryable: true,
          })),
        },
      };
    if (!a) throw notFound();
    const type = org.typeNamed(a);
    if (b === 'describe' && method === 'GET') return { status: 200, body: describe(org, type) };
    if (b === undefined && method === 'POST') {
      const id = org.create(type, objectBody(req.body));
      return {
        status: 201,
        body: { id, success: true, errors: [] },
        headers: { location: `/services/data/v${version}/sobjects/${type}/${id}` },
      };
    }
    if (b === 'deleted' && c === undefined) return getDeleted(ctx, req, type);
    if (b !== undefined && c === undefined) return byId(ctx, req, type, b);
    if (b !== undefined && c !== undefined) return byExternalId(ctx, req, type, b, c);
  }
  if (head === 'composite' && a === 'sobjects' && method === 'POST')
    return collection(ctx, req.body);
  throw notFound();
}

function byId(ctx: ApiContext, req: ApiRequest, type: string, rawId: string): ApiResponse {
  const { org } = ctx;
  const id = to18(rawId);
  const record = id ? org.get(type, id) : undefined;
  // A record in the delete log (the Recycle Bin) refuses a second DELETE with ENTITY_IS_DELETED (UNVERIFIED: GET and PATCH answer NOT_FOUND here).
  if (!record && req.method === 'DELETE' && org.deleteLog.some((entry) => entry.id === id))
    throw new SfFailure(404, [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }]);
  if (!record) throw notFound();
  if (req.method === 'GET') {
    const wanted = req.query
      .get('fields')
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const fields = wanted ?? org.fieldsOf(type).map((field) => field.name);
    const out: SRecord = {};
    for (const name of fields) {
      const field = org.field(type, name);
      if (!field)
        throw new SfFailure(400, [
          {
            errorCode: 'INVALID_FIELD',
            message: `No such column '${name}' on sobject of type ${type}`,
          },
        ]);
      out[field.name] = record[field.name] ?? null;
    }
    return { status: 200, body: withAttributes(req.version, type, out) };
  }
  if (req.method === 'PATCH') {
    org.update(type, String(record['Id']), objectBody(req.body));
    return { status: 204 };
  }
  if (req.method === 'DELETE') {
    org.delete(type, String(record['Id']));
    return { status: 204 };
  }
  throw new SfFailure(405, [
    {
      errorCode: 'METHOD_NOT_ALLOWED',
      message: `HTTP Method '${req.method}' not allowed. Allowed are GET,PATCH,DELETE`,
    },
  ]);
}

/** Upsert and read by an external-id field (crm-apis.md §4.3). */
function byExternalId(
  ctx: ApiContext,
  req: ApiRequest,
  type: string,
  fieldName: string,
  value: string,
): ApiResponse {
  const { org } = ctx;
  const field = org.field(type, fieldName);
  if (!field || !(field.externalId || field.name === 'Id')) {
    throw new SfFailure(404, [
      {
        errorCode: 'NOT_FOUND',
        message: `Provided external ID field does not exist or is not accessible: ${fieldName}`,
      },
    ]);
  }
  const matches = [...(org.records.get(type)?.values() ?? [])].filter(
    (r) => r[field.name] === value,
  );
  if (req.method === 'GET') {
    const found = matches[0];
    if (!found) throw notFound();
    if (matches.length > 1)
      return {
        status: 300,
        body: matches.map(
          (r) => `/services/data/v${req.version}/sobjects/${type}/${String(r['Id'])}`,
        ),
      };
    return { status: 200, body: withAttributes(req.version, type, found) };
  }
  if (req.method !== 'PATCH') throw notFound();
  if (matches.length > 1)
    return {
      status: 300,
      body: matches.map(
        (r) => `/services/data/v${req.version}/sobjects/${type}/${String(r['Id'])}`,
      ),
    };
  const body = objectBody(req.body);
  const existing = matches[0];
  if (existing) {
    org.update(type, String(existing['Id']), body, 'upsert');
    return { status: 200, body: { id: existing['Id'], success: true, errors: [], created: false } };
  }
  const id = org.create(type, { ...body, [field.name]: value });
  return { status: 201, body: { id, success: true, errors: [], created: true } };
}

/** sObject Collections: 200 with a per-record result, errors carrying `statusCode`. */
function collection(ctx: ApiContext, rawBody: unknown): ApiResponse {
  const body = objectBody(rawBody);
  const records = body['records'];
  if (!Array.isArray(records))
    throw new SfFailure(400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'records is required' }]);
  if (records.length > 200)
    throw new SfFailure(400, [
      {
        errorCode: 'EXCEEDED_ID_LIMIT',
        message: 'record limit reached. cannot submit more than 200 records into this call',
      },
    ]);
  const allOrNone = body['allOrNone'] === true;
  const before = structuredClone(ctx.org.records);
  const results = records.map((raw: unknown) => {
    try {
      const record = objectBody(raw);
      const type = (record['attributes'] as { type?: unknown } | undefined)?.type;
      if (typeof type !== 'string')
        throw new SfFailure(400, [
          { errorCode: 'INVALID_TYPE', message: 'Must specify a type in attributes' },
        ]);
      return { id: ctx.org.create(ctx.org.typeNamed(type), record), success: true, errors: [] };
    } catch (error) {
      if (!(error instanceof SfFailure)) throw error;
      return {
        success: false,
        errors: error.errors.map((e) => ({
          statusCode: e.errorCode,
          message: e.message,
          fields: e.fields ?? [],
        })),
      };
    }
  });
  if (allOrNone && results.some((r) => !r.success)) {
    ctx.org.records.clear();
    for (const [type, map] of before) ctx.org.records.set(type, map);
    return {
      status: 200,
      body: results.map((r) =>
        r.success
          ? {
              success: false,
              errors: [
                {
                  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                  message:
                    'Record rolled back because not all records were valid and the request was using AllOrNone header',
                  fields: [],
                },
              ],
            }
          : r,
      ),
    };
  }
  return { status: 200, body: results };
}

function batchOf(
  ctx: ApiContext,
  version: string,
  type: string,
  rows: SRecord[],
  offset: number,
  size: number,
): ApiResponse {
  const page = rows.slice(offset, offset + size);
  const next = offset + size;
  const body: Record<string, unknown> = {
    totalSize: rows.length,
    done: next >= rows.length,
    records: page.map((r) => withAttributes(version, type, r)),
  };
  if (next < rows.length) {
    const locator = `01g5g0000${randomBytes(4).toString('hex')}-${next}`;
    ctx.cursors.set(locator, { type, rows, offset: next, total: size });
    body['nextRecordsUrl'] = `/services/data/v${version}/query/${locator}`;
  }
  return { status: 200, body };
}

function nextBatch(ctx: ApiContext, version: string, locator: string): ApiResponse {
  const cursor = ctx.cursors.get(locator);
  if (!cursor)
    throw new SfFailure(400, [
      { errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' },
    ]);
  ctx.cursors.delete(locator);
  return batchOf(ctx, version, cursor.type, cursor.rows, cursor.offset, cursor.total);
}

function describe(org: Org, type: string): unknown {
  const recordTypes = [...(org.records.get('RecordType')?.values() ?? [])].filter(
    (r) => r['SobjectType'] === type,
  );
  return {
    name: type,
    label: type,
    createable: true,
    updateable: true,
    queryable: true,
    custom: false,
    fields: org.fieldsOf(type).map((field) => ({
      name: field.name,
      label: field.label ?? field.name,
      type: field.type,
      length: field.length ?? 0,
      custom: field.custom ?? false,
      createable: field.createable,
      updateable: field.updateable,
      nillable: !field.required,
      externalId: field.externalId ?? false,
      referenceTo: field.referenceTo ?? [],
      restrictedPicklist: field.restricted ?? false,
      picklistValues: (field.picklist ?? []).map((value, index) => ({
        value,
        label: value,
        active: true,
        defaultValue: index === 0,
      })),
    })),
    recordTypeInfos: [
      ...recordTypes.map((r) => ({
        name: r['Name'],
        developerName: r['DeveloperName'],
        recordTypeId: r['Id'],
        active: r['IsActive'] !== false,
        available: true,
        master: false,
        defaultRecordTypeMapping: false,
      })),
      {
        name: 'Master',
        developerName: 'Master',
        recordTypeId: '012000000000000AAA',
        active: true,
        available: true,
        master: true,
        defaultRecordTypeMapping: recordTypes.length === 0,
      },
    ],
  };
}
