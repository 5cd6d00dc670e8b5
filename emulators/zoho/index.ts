import { createServer, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { isModule } from './fields.js';
import { modifiedSince } from './conditional.js';
import { createCustomFields } from './custom-fields.js';
import { listDeleted, remove } from './deleted.js';
import {
  jsonBody,
  readRequest,
  sendJson,
  sendNoContent,
  sendNotModified,
  zohoError,
  type ParsedRequest,
} from './http.js';
import * as meta from './meta.js';
import { seed, snapshot } from './neutral.js';
import { checkAccess, token } from './oauth.js';
import { AUTHORIZE_PATH, serveConsent, zohoConsent } from './consent.js';
import * as records from './records.js';
import { ZohoState } from './state.js';
import { isTimeZone } from './zoned.js';
import type { AuthorizationServer } from '../shared/authorize.js';
import { listen } from '../shared/listen.js';

// The Zoho CRM emulator (service.md §7): Zoho's REST API on loopback as
// crm-apis.md §1 and §6 describe it, plus the `/_emulator/*` control endpoints.

export interface ZohoEmulatorOptions {
  readonly port?: number;
  readonly host?: string;
  /** Access-token lifetime; Zoho's is an hour (§1.2). */
  readonly tokenTtlSec?: number;
  /** Simultaneous API calls before 429 (§1.12: Professional edition 15). */
  readonly maxConcurrent?: number;
  /** API credits per rolling day (§1.12: 50,000 base). */
  readonly creditsPerDay?: number;
}

export interface ZohoConnection {
  readonly baseUrl: string;
  readonly accountsUrl: string;
  readonly credentials: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly refreshToken: string;
  };
}

export interface ZohoEmulator {
  readonly baseUrl: string;
  readonly connection: ZohoConnection;
  close(): Promise<void>;
}

const VERSIONS = new Set(['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']);

export async function startZohoEmulator(options: ZohoEmulatorOptions = {}): Promise<ZohoEmulator> {
  const state = new ZohoState();
  const settings = {
    tokenTtlSec: options.tokenTtlSec ?? 3600,
    maxConcurrent: options.maxConcurrent ?? 15,
    creditsPerDay: options.creditsPerDay ?? 50_000,
  };
  let baseUrl = '';
  const consent = zohoConsent(state, () => baseUrl);
  const server = createServer((req, res) => {
    readRequest(req)
      .then((request) => handle(state, { ...settings, consent }, baseUrl, request, res))
      .catch((error: unknown) => {
        if (!res.headersSent)
          sendJson(
            res,
            500,
            zohoError('INTERNAL_ERROR', error instanceof Error ? error.message : 'internal error'),
          );
        else res.end();
      });
  });
  baseUrl = await listen(server, options.port, options.host);
  const { clientId, clientSecret, refreshToken } = state.credentials;
  return {
    baseUrl,
    connection: {
      baseUrl,
      accountsUrl: baseUrl,
      credentials: { clientId, clientSecret, refreshToken },
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

type Settings = {
  tokenTtlSec: number;
  maxConcurrent: number;
  creditsPerDay: number;
  consent?: AuthorizationServer;
};

async function handle(
  state: ZohoState,
  settings: Settings,
  baseUrl: string,
  request: ParsedRequest,
  res: ServerResponse,
): Promise<void> {
  const { path, method } = request;
  if (path.startsWith('/_emulator/')) return control(state, request, res);
  if (path === AUTHORIZE_PATH && settings.consent && (method === 'GET' || method === 'POST'))
    return serveConsent(settings.consent, request, res);
  if (path === '/oauth/v2/token' && method === 'POST') {
    const reply = token(
      state,
      request,
      baseUrl,
      settings.tokenTtlSec,
      Date.now(),
      settings.consent,
    );
    return sendJson(res, reply.status, reply.body);
  }
  if (!path.startsWith('/crm/'))
    return sendJson(
      res,
      404,
      zohoError('INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
    );
  return api(state, settings, request, res);
}

async function api(
  state: ZohoState,
  settings: Settings,
  request: ParsedRequest,
  res: ServerResponse,
): Promise<void> {
  const segments = request.path.split('/').filter(Boolean).slice(1);
  const [version = '', ...rest] = segments;
  state.count(
    `${request.method} ${routePattern(version, rest)}`,
    request.headers['if-modified-since'] !== undefined,
  );
  if (state.faults.latencyMs > 0)
    await new Promise((resolve) => setTimeout(resolve, state.faults.latencyMs));
  const { fail } = state.faults;
  if (fail && fail.count > 0) {
    fail.count -= 1;
    if (fail.count === 0) state.faults.fail = null;
    return sendFault(res, fail.status, fail.retryAfterSec, settings);
  }
  const denied = checkAccess(state, request.headers.authorization, Date.now());
  if (denied) return sendJson(res, 401, denied);
  // §1.12: credits per day and calls in flight; both answer 429 TOO_MANY_REQUESTS, without Retry-After.
  if (state.creditsUsed >= settings.creditsPerDay || state.inFlight >= settings.maxConcurrent) {
    return sendJson(res, 429, zohoError('TOO_MANY_REQUESTS', 'too many requests'), {
      'X-API-CREDITS-REMAINING': String(Math.max(0, settings.creditsPerDay - state.creditsUsed)),
    });
  }
  state.inFlight += 1;
  state.creditsUsed += 1;
  try {
    if (!VERSIONS.has(version))
      return sendJson(
        res,
        404,
        zohoError(
          'INVALID_URL_PATTERN',
          'Please check if the URL trying to access is a correct one',
        ),
      );
    const reply = route(state, request, version, rest);
    const headers: Record<string, string> =
      state.creditsUsed * 2 >= settings.creditsPerDay
        ? { 'X-API-CREDITS-REMAINING': String(settings.creditsPerDay - state.creditsUsed) }
        : {};
    if (reply.status === 204) return sendNoContent(res);
    if (reply.status === 304) return sendNotModified(res);
    return sendJson(res, reply.status, reply.body, headers);
  } finally {
    state.inFlight -= 1;
  }
}

function route(
  state: ZohoState,
  request: ParsedRequest,
  version: string,
  rest: string[],
): records.Reply {
  const { method, query } = request;
  const [first = '', second, third, ...more] = rest;
  const notFound: records.Reply = {
    status: 404,
    body: zohoError(
      'INVALID_URL_PATTERN',
      'Please check if the URL trying to access is a correct one',
    ),
  };
  if (more.length > 0) return notFound;
  if (first === 'users' && method === 'GET')
    return second ? meta.user(state, second) : meta.users(state, query);
  if (first === 'org' && method === 'GET' && !second) return meta.org();
  const creatingField = first === 'settings' && second === 'fields' && third === undefined;
  if (first === 'settings' && (method === 'GET' || (method === 'POST' && creatingField))) {
    const module = query.get('module') ?? '';
    if (second === 'pipeline' && method === 'GET') return meta.pipelines(state, query);
    if (second !== 'fields' && second !== 'layouts') return notFound;
    if (!module)
      return {
        status: 400,
        body: zohoError('REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
          param: 'module',
        }),
      };
    if (!isModule(module))
      return {
        status: 400,
        body: zohoError('INVALID_MODULE', 'the module name given seems to be invalid', {}),
      };
    if (method === 'POST') return createCustomFields(state, module, jsonBody(request));
    return second === 'fields' ? meta.fields(state, module) : meta.layouts(module);
  }
  if (!isModule(first))
    return {
      status: 400,
      body: zohoError('INVALID_MODULE', 'the module name given seems to be invalid', {}),
    };
  const body = jsonBody(request);
  if (second === undefined) {
    if (method === 'GET')
      return records.list(state, first, query, {
        sinceMs: modifiedSince(request.headers['if-modified-since']),
        tokens: version !== 'v2',
      });
    if (method === 'POST') return records.insert(state, first, body);
    if (method === 'PUT') return records.update(state, first, body);
    if (method === 'DELETE') return remove(state, first, query);
    return notFound;
  }
  if (second === 'search' && third === undefined)
    return method === 'GET' ? records.search(state, first, query) : notFound;
  if (second === 'deleted' && third === undefined)
    return method === 'GET'
      ? listDeleted(state, first, query, request.headers['if-modified-since'])
      : notFound;
  if (!/^\d+$/.test(second)) return notFound;
  if (third === undefined) {
    if (method === 'GET') return records.getOne(state, first, second);
    if (method === 'PUT') return records.update(state, first, body, second);
    if (method === 'DELETE') return remove(state, first, query, second);
    return notFound;
  }
  if (method === 'GET') return records.related(state, first, second, third, query);
  if (method === 'POST' && third === 'Notes') {
    if (!state.find(first, second))
      return {
        status: 400,
        body: zohoError('INVALID_DATA', 'the related id given seems to be invalid', {
          api_name: 'id',
        }),
      };
    return records.insert(state, 'Notes', body, { module: first, id: second });
  }
  return notFound;
}

/** "GET /crm/v8/Contacts/{id}/Notes": ids folded so the counts group by route. */
function routePattern(version: string, rest: readonly string[]): string {
  return `/crm/${version}/${rest.map((segment) => (/^\d+$/.test(segment) ? '{id}' : segment)).join('/')}`;
}

/** POST /_emulator/faults `fail`: the status with Zoho's own body; a 429 carries the old per-minute headers (§1.12, UNVERIFIED). */
function sendFault(
  res: ServerResponse,
  status: number,
  retryAfterSec: number | undefined,
  settings: Settings,
): void {
  if (status === 429) {
    const headers: Record<string, string> =
      retryAfterSec !== undefined
        ? {
            'X-RATELIMIT-LIMIT': String(settings.maxConcurrent),
            'X-RATELIMIT-REMAINING': '0',
            'X-RATELIMIT-RESET': String(Date.now() + retryAfterSec * 1000),
          }
        : {};
    return sendJson(res, 429, zohoError('TOO_MANY_REQUESTS', 'too many requests'), headers);
  }
  if (status === 401) return sendJson(res, 401, zohoError('INVALID_TOKEN', 'invalid oauth token'));
  if (status >= 500)
    return sendJson(res, status, zohoError('INTERNAL_ERROR', 'Internal Server Error'));
  return sendJson(res, status, zohoError('INVALID_DATA', 'invalid data'));
}

function control(state: ZohoState, request: ParsedRequest, res: ServerResponse): void {
  const { path, method, query } = request;
  if (path === '/_emulator/snapshot' && method === 'GET') {
    const timeZone = query.get('timezone') ?? 'UTC';
    if (!isTimeZone(timeZone))
      return sendJson(res, 400, { error: `unknown time zone "${timeZone}"` });
    return sendJson(res, 200, snapshot(state, timeZone));
  }
  if (path === '/_emulator/state' && method === 'PUT') {
    const result = seed(state, jsonBody(request));
    return result.ok
      ? sendNoContent(res)
      : sendJson(res, 400, { error: 'not a neutral snapshot', issues: result.issues });
  }
  if (path === '/_emulator/ids' && method === 'GET') {
    const out: Record<string, Record<string, string>> = {};
    for (const [key, nativeId] of state.toNative) {
      const at = key.indexOf(':');
      (out[key.slice(0, at)] ??= {})[key.slice(at + 1)] = nativeId;
    }
    return sendJson(res, 200, out);
  }
  if (path === '/_emulator/requests' && method === 'GET') {
    const byRoute = Object.fromEntries(state.requestCounts);
    const total = [...state.requestCounts.values()].reduce((sum, n) => sum + n, 0);
    return sendJson(res, 200, {
      total,
      byRoute,
      conditional: Object.fromEntries(state.conditionalCounts),
    });
  }
  if (path === '/_emulator/requests' && method === 'DELETE') {
    state.requestCounts = new Map();
    state.conditionalCounts = new Map();
    return sendNoContent(res);
  }
  if (path === '/_emulator/faults' && method === 'POST')
    return faults(state, jsonBody(request), res);
  return sendJson(res, 404, { error: `no emulator endpoint ${method} ${path}` });
}

const FaultsSchema = z.strictObject({
  credentials: z.enum(['revoked', 'valid']).optional(),
  fail: z
    .strictObject({
      count: z.number().int().nonnegative(),
      status: z.number().int().min(400).max(599),
      retryAfterSec: z.number().nonnegative().optional(),
    })
    .nullable()
    .optional(),
  latencyMs: z.number().nonnegative().optional(),
  /** Extension: every access token issued so far expires now, for token-refresh tests without waiting an hour. */
  expireTokens: z.boolean().optional(),
  /** Extension: every page_token issued so far expires now (Zoho's last 24 hours). */
  expirePageTokens: z.boolean().optional(),
  /** Extension: the recycle bin's records turn "permanent" in the deleted lists (Zoho does so after some time). */
  emptyRecycleBin: z.boolean().optional(),
});

function faults(state: ZohoState, body: unknown, res: ServerResponse): void {
  const parsed = FaultsSchema.safeParse(body);
  if (!parsed.success)
    return sendJson(res, 400, {
      error: 'invalid faults',
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  const input = parsed.data;
  if (input.credentials !== undefined) state.faults.credentials = input.credentials;
  if (input.fail !== undefined)
    state.faults.fail =
      input.fail && input.fail.count > 0
        ? {
            count: input.fail.count,
            status: input.fail.status,
            retryAfterSec: input.fail.retryAfterSec,
          }
        : null;
  if (input.latencyMs !== undefined) state.faults.latencyMs = input.latencyMs;
  if (input.expireTokens === true)
    for (const tokenValue of state.accessTokens.keys()) state.accessTokens.set(tokenValue, 0);
  if (input.expirePageTokens === true)
    for (const pageToken of state.pageTokens.values()) pageToken.expiresAtMs = 0;
  if (input.emptyRecycleBin === true)
    for (const list of state.deleted.values()) for (const entry of list) entry.type = 'permanent';
  sendNoContent(res);
}
