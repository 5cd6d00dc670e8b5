import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SnapshotSchema, type Snapshot } from '../../src/domain/snapshot.js';
import { Credentials, type OAuthClient } from './auth.js';
import {
  errorBody,
  match,
  parseBody,
  PdError,
  readBody,
  send,
  unauthorizedBody,
  type Reply,
} from './http.js';
import { IdMap } from './id-map.js';
import { render, seed } from './neutral.js';
import { RateLimiter, type Faults, parseFaults, failureReply } from './faults.js';
import { v1Routes } from './routes-v1.js';
import { v2Routes } from './routes-v2.js';
import { PipedriveDb } from './state.js';
import { isTimeZone } from './time.js';
import type { Ctx } from './validate.js';
import { listen } from '../shared/listen.js';
import { AUTHORIZE_PATH, codeGrant, pipedriveConsent, serveConsent } from './oauth.js';

// A Pipedrive API emulator on loopback (service.md §7, crm-apis.md §2).

export interface PipedriveEmulatorOptions {
  readonly port?: number;
  readonly host?: string;
  /** Burst limit per token per 2-second window (crm-apis.md §2.14; Professional plan: 80). */
  readonly burstPer2s?: number;
  /** Lifetime of OAuth access tokens (Pipedrive: about an hour). */
  readonly accessTokenTtlSec?: number;
}

export interface PipedriveConnection {
  readonly baseUrl: string;
  readonly credentials: { readonly apiToken: string };
}

export interface PipedriveOAuthConnection {
  readonly baseUrl: string;
  readonly oauthUrl: string;
  readonly credentials: OAuthClient;
}

export interface PipedriveEmulator {
  readonly baseUrl: string;
  /** The API-token form of service.md §2, as `callmatrix emulate` prints it. */
  readonly connection: PipedriveConnection;
  /** The OAuth form of service.md §2, for tests of the refresh flow. */
  readonly oauthConnection: PipedriveOAuthConnection;
  close(): Promise<void>;
}

const ROUTES = [...v2Routes, ...v1Routes];

function normalisePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  // api.pipedrive.com/v1/… is the classic v1 base (crm-apis.md §2.1).
  return trimmed.startsWith('/v1/') ? `/api${trimmed}` : trimmed;
}

export async function startPipedriveEmulator(
  options: PipedriveEmulatorOptions = {},
): Promise<PipedriveEmulator> {
  const db = new PipedriveDb();
  const ids = new IdMap();
  let notifications: Snapshot['notifications'] = [];
  const meId = (): number | null =>
    db.users.find((user) => user.is_admin)?.id ?? db.users[0]?.id ?? null;
  const credentials = new Credentials(options.accessTokenTtlSec ?? 3599, meId);
  const faults: Faults = { fail: null, latencyMs: 0 };
  const limiter = new RateLimiter(options.burstPer2s ?? 80);
  let counts = new Map<string, number>();
  let baseUrl = '';
  const consent = pipedriveConsent(credentials);

  const emulatorEndpoint = (
    req: IncomingMessage,
    path: string,
    query: URLSearchParams,
    raw: Buffer,
  ): Reply => {
    const body = (): Record<string, unknown> => parseBody(raw, 'application/json');
    if (req.method === 'GET' && path === '/_emulator/snapshot') {
      const timeZone = query.get('timezone') ?? 'UTC';
      if (!isTimeZone(timeZone))
        return { status: 400, body: { error: `unknown time zone "${timeZone}"` } };
      return { status: 200, body: render(db, ids, timeZone, notifications) };
    }
    if (req.method === 'PUT' && path === '/_emulator/state') {
      const parsed = SnapshotSchema.safeParse(body());
      if (!parsed.success)
        return {
          status: 400,
          body: { error: 'not a neutral snapshot', issues: parsed.error.issues },
        };
      notifications = seed(db, ids, parsed.data).notifications;
      return { status: 204 };
    }
    if (req.method === 'GET' && path === '/_emulator/ids') return { status: 200, body: ids.dump() };
    if (path === '/_emulator/requests' && req.method === 'GET') {
      let total = 0;
      for (const n of counts.values()) total += n;
      return {
        status: 200,
        body: { total, byRoute: Object.fromEntries(counts), tokenGrants: credentials.grants },
      };
    }
    if (path === '/_emulator/requests' && req.method === 'DELETE') {
      counts = new Map();
      credentials.grants = 0;
      return { status: 204 };
    }
    if (path === '/_emulator/faults' && req.method === 'POST') {
      const parsed = parseFaults(body());
      if (!parsed.ok) return { status: 400, body: { error: parsed.error } };
      const change = parsed.value;
      if (change.credentials) credentials.revoked = change.credentials === 'revoked';
      if (change.fail !== undefined) faults.fail = change.fail;
      if (change.latencyMs !== undefined) faults.latencyMs = change.latencyMs;
      if (change.expireTokens) credentials.expireAll();
      return { status: 204 };
    }
    return { status: 404, body: { error: 'unknown emulator endpoint' } };
  };

  const api = async (
    req: IncomingMessage,
    path: string,
    query: URLSearchParams,
    raw: Buffer,
  ): Promise<Reply> => {
    const method = req.method ?? 'GET';
    const found = match(ROUTES, method, path);
    const pattern = `${method} ${found ? found.route.pattern : path}`;
    counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const presented = Credentials.presented(req, query);
    const userId = credentials.check(presented);
    const rate = limiter.take(presented?.value ?? 'anonymous');
    if (userId === false) return { status: 401, body: unauthorizedBody(), headers: rate.headers };
    if (faults.fail && faults.fail.count > 0) {
      faults.fail.count -= 1;
      const reply = failureReply(faults.fail, limiter.limit);
      if (faults.fail.count === 0) faults.fail = null;
      return reply;
    }
    if (rate.over)
      return failureReply({ count: 1, status: 429, retryAfterSec: rate.resetSec }, limiter.limit);
    if (!found)
      return {
        status: 404,
        body: errorBody(`Unknown method ${method} ${path}`),
        headers: rate.headers,
      };
    const ctx: Ctx = { db, query, body: parseBody(raw, req.headers['content-type']), userId };
    const reply = await found.route.handle(ctx, found.params);
    return { ...reply, headers: { ...rate.headers, ...reply.headers } };
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = normalisePath(url.pathname);
    try {
      const raw = await readBody(req);
      let reply: Reply;
      if (path.startsWith('/_emulator/'))
        reply = emulatorEndpoint(req, path, url.searchParams, raw);
      else if (path === AUTHORIZE_PATH && (req.method === 'GET' || req.method === 'POST'))
        return serveConsent(consent, url, req.method, raw, res);
      else if (path === '/oauth/token' && req.method === 'POST') {
        const form = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
        reply =
          form['grant_type'] === 'authorization_code'
            ? codeGrant(credentials, consent, req, form, baseUrl)
            : credentials.grant(req, form, baseUrl);
      } else reply = await api(req, path, url.searchParams, raw);
      send(res, reply);
    } catch (error) {
      if (error instanceof PdError)
        send(res, { status: error.status, body: errorBody(error.message) });
      else
        send(res, { status: 500, body: errorBody(`Internal error: ${(error as Error).message}`) });
    }
  };

  const server = createServer((req, res) => void handler(req, res));
  baseUrl = await listen(server, options.port, options.host);
  return {
    baseUrl,
    connection: { baseUrl, credentials: { apiToken: credentials.apiToken } },
    oauthConnection: { baseUrl, oauthUrl: baseUrl, credentials: credentials.oauth },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
