import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { SnapshotSchema } from '../../src/domain/snapshot.js';
import { isTimeZone } from '../../src/domain/zoned-time.js';
import { handleApi, routeOf, type ApiContext, type ApiResponse } from './api.js';
import { handleComposite } from './composite.js';
import { makeId } from './ids.js';
import { IdMap } from './id-map.js';
import { recordType, seed, snapshotOf } from './neutral.js';
import { Org, SfFailure } from './org.js';
import { listen } from '../shared/listen.js';
import {
  AUTHORIZE_PATH,
  USERINFO_PATH,
  salesforceConsent,
  serveConsent,
  userInfo,
} from './oauth.js';

// The Salesforce emulator (service.md §7): the REST API on loopback with
// OAuth refresh, sessions that expire, faults, request counts and the
// neutral /_emulator/* view.

export interface SalesforceEmulatorOptions {
  port?: number;
  host?: string;
  /** How long an access token lives (a session timeout, org policy). */
  tokenTtlMs?: number;
  /** Rows per query batch before nextRecordsUrl (Salesforce: 2000). */
  queryBatchSize?: number;
  /** The org's daily API allocation; beyond it, 403 REQUEST_LIMIT_EXCEEDED. */
  dailyLimit?: number;
}

export interface SalesforceConnection {
  baseUrl: string;
  loginUrl: string;
  credentials: { clientId: string; clientSecret: string; refreshToken: string };
}

const FaultsSchema = z.strictObject({
  credentials: z.enum(['revoked', 'valid']).optional(),
  fail: z
    .strictObject({
      count: z.number().int().min(0),
      status: z.number().int().min(400).max(599),
      retryAfterSec: z.number().min(0).optional(),
    })
    .optional(),
  latencyMs: z.number().min(0).optional(),
  /** Extension: every access token issued so far stops working (a session timeout). */
  expireTokens: z.boolean().optional(),
  /** Extension: the delete log's background purge runs now (sObject Get Deleted answers INVALID_REPLICATION_DATE before it). */
  purgeDeleteLog: z.boolean().optional(),
});
const SchemaDeclaration = z.strictObject({
  recordTypes: z.array(z.string().min(1)).optional(),
  customFields: z
    .partialRecord(
      z.enum(['Contact', 'Lead', 'Opportunity', 'Account']),
      z.array(z.string().regex(/^[A-Za-z]\w*$/)),
    )
    .optional(),
});

const ORG_ID = '00D5g000004EmUlAT';
const sfBody = (errorCode: string, message: string): unknown => [{ message, errorCode }];

function failureBody(status: number): { status: number; body: unknown } {
  if (status === 429 || status === 403)
    return { status: 403, body: sfBody('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.') };
  if (status === 401)
    return { status, body: sfBody('INVALID_SESSION_ID', 'Session expired or invalid') };
  if (status === 503)
    return {
      status,
      body: sfBody('SERVER_UNAVAILABLE', 'Server temporarily unavailable, try again later.'),
    };
  if (status >= 500)
    return {
      status,
      body: sfBody(
        'UNKNOWN_EXCEPTION',
        'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567-8901 (-123456789)',
      ),
    };
  if (status === 404)
    return { status, body: sfBody('NOT_FOUND', 'The requested resource does not exist') };
  return { status, body: sfBody('INVALID_FIELD', 'Injected failure') };
}

export async function startSalesforceEmulator(
  options: SalesforceEmulatorOptions = {},
): Promise<{ baseUrl: string; connection: SalesforceConnection; close(): Promise<void> }> {
  const credentials = {
    clientId: `3MVG9emu${randomBytes(8).toString('hex')}`,
    clientSecret: randomBytes(16).toString('hex'),
    refreshToken: `5Aep861${randomBytes(24).toString('base64url')}`,
  };
  const ttl = options.tokenTtlMs ?? 2 * 3_600_000;
  const dailyLimit = options.dailyLimit ?? 100_000;
  let org = new Org();
  let ids = new IdMap();
  const declared = { recordTypes: new Set<string>(), customFields: new Map<string, Set<string>>() };
  const ctx = (): ApiContext => ({ org, queryBatchSize: options.queryBatchSize ?? 2000, cursors });
  const cursors: ApiContext['cursors'] = new Map();
  const tokens = new Map<string, number>();
  let revoked = false;
  let latencyMs = 0;
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let apiUsage = 0;
  let counts = { total: 0, byRoute: {} as Record<string, number>, oauth: 0 };
  const consent = salesforceConsent(() => credentials.clientId);

  const applyDeclared = (): void => {
    for (const name of declared.recordTypes) recordType(org, name);
    for (const [type, names] of declared.customFields)
      for (const name of names) org.addCustomField(type, name);
  };

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) =>
      send(res, 500, sfBody('UNKNOWN_EXCEPTION', String(error))),
    );
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const raw = await readBody(req);
    const method = req.method ?? 'GET';
    if (path.startsWith('/_emulator/')) return emulatorRoute(method, path, url, raw, res);
    if (path === '/services/oauth2/token' && method === 'POST') return token(raw, req, res);
    if (path === AUTHORIZE_PATH && (method === 'GET' || method === 'POST'))
      return serveConsent(consent, url, method, raw, res);
    if (path === USERINFO_PATH && method === 'GET') {
      const auth = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const expiry = auth ? tokens.get(auth) : undefined;
      if (revoked || expiry === undefined || expiry < Date.now())
        return send(res, 401, sfBody('INVALID_SESSION_ID', 'Session expired or invalid'));
      const user = [...(org.records.get('User')?.values() ?? [])][0] ?? { Id: makeId('User', 0) };
      return send(res, 200, userInfo(user, ORG_ID, baseUrl));
    }
    if (path === '/services/data' && method === 'GET') {
      return send(
        res,
        200,
        ['52.0', '55.0', '59.0', '60.0', '62.0'].map((version) => ({
          label: 'Emulated',
          url: `/services/data/v${version}`,
          version,
        })),
      );
    }
    const m = /^\/services\/data\/v(\d+\.\d+)(\/.*)?$/.exec(path);
    if (!m) return send(res, 404, sfBody('NOT_FOUND', 'The requested resource does not exist'));
    const version = m[1] ?? '59.0';
    const apiPath = m[2] ?? '';
    const route = routeOf(method, apiPath);
    counts.total++;
    counts.byRoute[route] = (counts.byRoute[route] ?? 0) + 1;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const limitHeader = (): Record<string, string> => ({
      'sforce-limit-info': `api-usage=${apiUsage}/${dailyLimit}`,
    });
    if (failures.count > 0) {
      failures.count--;
      const { status, body } = failureBody(failures.status);
      return send(res, status, body, limitHeader());
    }
    const auth = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const expiry = auth ? tokens.get(auth) : undefined;
    if (revoked || expiry === undefined || expiry < Date.now())
      return send(res, 401, sfBody('INVALID_SESSION_ID', 'Session expired or invalid'));
    if (apiUsage >= dailyLimit)
      return send(
        res,
        403,
        sfBody('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
        limitHeader(),
      );
    apiUsage++;
    if (apiPath === '/limits' && method === 'GET') {
      return send(
        res,
        200,
        { DailyApiRequests: { Max: dailyLimit, Remaining: dailyLimit - apiUsage } },
        limitHeader(),
      );
    }
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(
          res,
          400,
          sfBody('JSON_PARSER_ERROR', 'Unexpected character: was expecting JSON'),
          limitHeader(),
        );
      }
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
    );
    let answer: ApiResponse;
    try {
      answer =
        apiPath === '/composite' && method === 'POST'
          ? handleComposite(ctx(), body, headers)
          : handleApi(ctx(), {
              method,
              path: apiPath,
              version,
              query: url.searchParams,
              headers,
              body,
            });
    } catch (error) {
      if (!(error instanceof SfFailure)) throw error;
      answer = { status: error.status, body: error.errors };
    }
    return send(res, answer.status, answer.body, { ...limitHeader(), ...answer.headers });
  }

  function token(raw: string, req: IncomingMessage, res: ServerResponse): void {
    counts.oauth++;
    const form = new URLSearchParams(raw);
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const [basicId, basicSecret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':')
      : [];
    const clientId = form.get('client_id') ?? basicId;
    const clientSecret = form.get('client_secret') ?? basicSecret;
    const grantType = form.get('grant_type');
    if (grantType !== 'refresh_token' && grantType !== 'authorization_code')
      return send(res, 400, {
        error: 'unsupported_grant_type',
        error_description: 'grant type not supported',
      });
    if (clientId !== credentials.clientId)
      return send(res, 400, {
        error: 'invalid_client_id',
        error_description: 'client identifier invalid',
      });
    if (clientSecret !== undefined && clientSecret !== credentials.clientSecret)
      return send(res, 400, {
        error: 'invalid_client',
        error_description: 'invalid client credentials',
      });
    if (grantType === 'authorization_code') {
      // The web server flow: the code from the authorize page (oauth.ts), once, with its PKCE verifier.
      const redeemed = consent.redeem({
        code: form.get('code') ?? undefined,
        clientId: clientId ?? undefined,
        redirectUri: form.get('redirect_uri') ?? undefined,
        codeVerifier: form.get('code_verifier') ?? undefined,
      });
      if (!redeemed.ok)
        return send(res, 400, { error: redeemed.error, error_description: redeemed.description });
    } else if (revoked || form.get('refresh_token') !== credentials.refreshToken)
      return send(res, 400, {
        error: 'invalid_grant',
        error_description: 'expired access/refresh token',
      });
    const accessToken = `${ORG_ID}!AR8AQ${randomBytes(24).toString('base64url')}`;
    tokens.set(accessToken, Date.now() + ttl);
    const issuedAt = String(Date.now());
    const userId = [...(org.records.get('User')?.values() ?? [])][0]?.['Id'] ?? makeId('User', 0);
    const id = `${baseUrl}/id/${ORG_ID}/${String(userId)}`;
    send(res, 200, {
      access_token: accessToken,
      instance_url: baseUrl,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      scope: 'api refresh_token',
      ...(grantType === 'authorization_code' && { refresh_token: credentials.refreshToken }),
      signature: createHmac('sha256', credentials.clientSecret)
        .update(id + issuedAt)
        .digest('base64'),
    });
  }

  function emulatorRoute(
    method: string,
    path: string,
    url: URL,
    raw: string,
    res: ServerResponse,
  ): void {
    const json = (): unknown => (raw ? JSON.parse(raw) : {});
    try {
      if (path === '/_emulator/snapshot' && method === 'GET') {
        const timeZone = url.searchParams.get('timezone') ?? 'UTC';
        if (!isTimeZone(timeZone))
          return send(res, 400, { error: `unknown time zone "${timeZone}"` });
        return send(res, 200, snapshotOf(org, ids, timeZone));
      }
      if (path === '/_emulator/state' && method === 'PUT') {
        const parsed = SnapshotSchema.safeParse(json());
        if (!parsed.success)
          return send(res, 400, { error: 'invalid snapshot', issues: parsed.error.issues });
        org = new Org();
        ids = new IdMap();
        cursors.clear();
        seed(org, ids, parsed.data);
        applyDeclared();
        return send(res, 204);
      }
      if (path === '/_emulator/ids' && method === 'GET') return send(res, 200, ids.table());
      if (path === '/_emulator/schema' && method === 'PUT') {
        const parsed = SchemaDeclaration.safeParse(json());
        if (!parsed.success)
          return send(res, 400, { error: 'invalid schema', issues: parsed.error.issues });
        for (const name of parsed.data.recordTypes ?? []) declared.recordTypes.add(name);
        for (const [type, names] of Object.entries(parsed.data.customFields ?? {})) {
          const set = declared.customFields.get(type) ?? new Set<string>();
          for (const name of names) set.add(name);
          declared.customFields.set(type, set);
        }
        applyDeclared();
        return send(res, 204);
      }
      if (path === '/_emulator/requests' && method === 'GET') return send(res, 200, counts);
      if (path === '/_emulator/requests' && method === 'DELETE') {
        counts = { total: 0, byRoute: {}, oauth: 0 };
        return send(res, 204);
      }
      if (path === '/_emulator/faults' && method === 'POST') {
        const parsed = FaultsSchema.safeParse(json());
        if (!parsed.success)
          return send(res, 400, { error: 'invalid faults', issues: parsed.error.issues });
        const f = parsed.data;
        if (f.credentials) revoked = f.credentials === 'revoked';
        if (f.fail) failures = { count: f.fail.count, status: f.fail.status };
        if (f.latencyMs !== undefined) latencyMs = f.latencyMs;
        if (f.expireTokens) for (const key of tokens.keys()) tokens.set(key, 0);
        if (f.purgeDeleteLog) org.purgeDeleteLog();
        return send(res, 204);
      }
    } catch (error) {
      return send(res, 400, { error: (error as Error).message });
    }
    send(res, 404, { error: 'unknown emulator endpoint' });
  }

  const baseUrl = await listen(server, options.port, options.host);
  return {
    baseUrl,
    connection: { baseUrl, loginUrl: baseUrl, credentials },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers).end();
    return;
  }
  res
    .writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers })
    .end(JSON.stringify(body));
}
