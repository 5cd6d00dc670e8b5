import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SnapshotSchema } from '../../src/domain/snapshot.js';
import { fail, parseForm, parseParams, readBody, str, type ApiReply } from './http.js';
import { Router } from './router.js';
import { combineRoutes } from './routes-combine.js';
import { customerRoutes } from './routes-customers.js';
import { historyRoutes } from './routes-history.js';
import { orderRoutes } from './routes-orders.js';
import { telephonyRoutes } from './routes-telephony.js';
import { deleteCustomer, deleteOrder } from './removal.js';
import { seedAccount } from './seed.js';
import { AccountState } from './state.js';
import { isValidTimeZone } from './time.js';
import { viewAccount } from './view.js';
import { listen } from '../shared/listen.js';

export interface RetailcrmEmulatorOptions {
  readonly port?: number;
  readonly host?: string;
  /** The API key the account accepts; random when absent. */
  readonly apiKey?: string;
  /** Requests per second per key before 503 (§3.9, UNVERIFIED figures): general methods and `/telephony/*`. */
  readonly ratePerSec?: number;
  readonly telephonyRatePerSec?: number;
  /** The account's timezone (its times are local to it); `PUT /_emulator/state?timezone=` sets it too. Default UTC. */
  readonly timezone?: string;
}

export interface RetailcrmEmulator {
  readonly baseUrl: string;
  readonly connection: { baseUrl: string; credentials: { apiKey: string } };
  close(): Promise<void>;
}

const FaultsSchema = z.strictObject({
  credentials: z.enum(['revoked', 'valid']).optional(),
  fail: z
    .strictObject({
      count: z.number().int().positive(),
      status: z.number().int().min(400).max(599),
      retryAfterSec: z.number().nonnegative().optional(),
    })
    .optional(),
  latencyMs: z.number().int().nonnegative().optional(),
});

const FAIL_MESSAGES: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service temporarily unavailable: API rate limit exceeded',
};

export async function startRetailcrmEmulator(
  options: RetailcrmEmulatorOptions = {},
): Promise<RetailcrmEmulator> {
  const apiKey = options.apiKey ?? randomBytes(16).toString('hex');
  const router = new Router([
    ...historyRoutes,
    ...combineRoutes,
    ...customerRoutes,
    ...orderRoutes,
    ...telephonyRoutes,
  ]);
  let state = new AccountState(undefined, options.timezone ?? 'UTC');
  let revoked = false;
  let failing: { count: number; status: number; retryAfterSec?: number | undefined } | null = null;
  let latencyMs = 0;
  let counts = new Map<string, number>();
  const windows = { general: [] as number[], telephony: [] as number[] };

  function overLimit(telephony: boolean): boolean {
    const limit = telephony ? (options.telephonyRatePerSec ?? 40) : (options.ratePerSec ?? 10);
    const window = telephony ? windows.telephony : windows.general;
    const now = Date.now();
    while (window.length > 0 && (window[0] ?? 0) <= now - 1000) window.shift();
    if (window.length >= limit) return true;
    window.push(now);
    return false;
  }

  async function api(req: IncomingMessage, url: URL): Promise<ApiReply> {
    const method = req.method ?? 'GET';
    const matched = router.match(method, url.pathname);
    const routeKey =
      matched && matched !== 'wrongMethod'
        ? `${method} ${matched.route.pattern}`
        : `${method} ${url.pathname}`;
    counts.set(routeKey, (counts.get(routeKey) ?? 0) + 1);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const body = method === 'POST' ? await readBody(req) : '';
    if (failing && failing.count > 0) {
      failing.count -= 1;
      const { status, retryAfterSec } = failing;
      if (failing.count === 0) failing = null;
      const reply = fail(status, FAIL_MESSAGES[status] ?? 'Internal Server Error');
      return retryAfterSec !== undefined
        ? { ...reply, headers: { 'retry-after': String(retryAfterSec) } }
        : reply;
    }
    const query = parseParams(url.searchParams);
    const form = parseForm(body, req.headers['content-type']);
    const header = req.headers['x-api-key'];
    const given =
      (typeof header === 'string' ? header : undefined) ??
      str(query, 'apiKey') ??
      str(form, 'apiKey');
    if (given === undefined) return fail(403, '"apiKey" is missing.');
    if (given !== apiKey || revoked) return fail(403, 'Wrong "apiKey" value.');
    if (overLimit(url.pathname.startsWith('/api/v5/telephony/')))
      return fail(503, FAIL_MESSAGES[503] ?? '');
    if (matched === 'wrongMethod') return fail(405, 'Method Not Allowed');
    if (!matched) return fail(404, 'API method not found');
    return matched.route.handle(
      { method, path: url.pathname, query, form, headers: req.headers },
      matched.params,
      state,
    );
  }

  /**
   * A manager deleting a customer or an order in the CRM's UI (the API has no such
   * method): the record is gone and its history lists the deletion (`source: "user"`).
   */
  function deleteInUi(kind: 'customers' | 'orders', id: number, userId: string | null): ApiReply {
    const stamp = {
      at: state.createdAt(),
      source: 'user' as const,
      ...(userId !== null && /^\d+$/.test(userId) && { userId: Number(userId) }),
    };
    if (kind === 'orders') {
      const order = state.orders.get(id);
      if (!order) return { status: 404, body: { error: `no order ${id}` } };
      deleteOrder(state, order, stamp);
      return { status: 204, body: undefined };
    }
    const customer = state.customers.get(id);
    if (!customer) return { status: 404, body: { error: `no customer ${id}` } };
    const problem = deleteCustomer(state, customer, stamp);
    return problem ? { status: 409, body: { error: problem } } : { status: 204, body: undefined };
  }

  async function emulator(req: IncomingMessage, url: URL): Promise<ApiReply> {
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    const timeZone = url.searchParams.get('timezone') ?? 'UTC';
    if (!isValidTimeZone(timeZone))
      return { status: 400, body: { error: `unknown timezone ${timeZone}` } };
    const deletion = /^POST \/_emulator\/ui\/(customers|orders)\/(\d+)\/delete$/.exec(route);
    if (deletion)
      return deleteInUi(
        deletion[1] === 'customers' ? 'customers' : 'orders',
        Number(deletion[2]),
        url.searchParams.get('userId'),
      );
    switch (route) {
      case 'GET /_emulator/snapshot':
        return { status: 200, body: viewAccount(state, timeZone) };
      case 'GET /_emulator/ids':
        return {
          status: 200,
          body: Object.fromEntries(
            Object.entries(state.ids).map(([kind, map]) => [kind, map.seeded()]),
          ),
        };
      case 'PUT /_emulator/state': {
        let json: unknown;
        try {
          json = JSON.parse(await readBody(req));
        } catch {
          return { status: 400, body: { error: 'the body is not JSON' } };
        }
        const parsed = SnapshotSchema.safeParse(json);
        if (!parsed.success)
          return {
            status: 400,
            body: {
              error: parsed.error.issues.map(
                (issue) => `${issue.path.join('.')}: ${issue.message}`,
              ),
            },
          };
        const next = new AccountState(
          state.modules,
          url.searchParams.has('timezone') ? timeZone : state.timeZone,
        );
        const problem = seedAccount(parsed.data, next, timeZone);
        if (problem) return { status: 400, body: { error: problem } };
        state = next;
        return { status: 204, body: undefined };
      }
      case 'GET /_emulator/requests':
        return {
          status: 200,
          body: {
            total: [...counts.values()].reduce((a, b) => a + b, 0),
            byRoute: Object.fromEntries(counts),
          },
        };
      case 'DELETE /_emulator/requests':
        counts = new Map();
        return { status: 204, body: undefined };
      case 'POST /_emulator/faults': {
        let json: unknown;
        try {
          json = JSON.parse(await readBody(req));
        } catch {
          return { status: 400, body: { error: 'the body is not JSON' } };
        }
        const parsed = FaultsSchema.safeParse(json);
        if (!parsed.success)
          return {
            status: 400,
            body: {
              error: parsed.error.issues.map(
                (issue) => `${issue.path.join('.')}: ${issue.message}`,
              ),
            },
          };
        if (parsed.data.credentials) revoked = parsed.data.credentials === 'revoked';
        if (parsed.data.fail) failing = { ...parsed.data.fail };
        if (parsed.data.latencyMs !== undefined) latencyMs = parsed.data.latencyMs;
        return { status: 204, body: undefined };
      }
      default:
        return { status: 404, body: { error: `no emulator endpoint ${route}` } };
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const handler = url.pathname.startsWith('/_emulator/') ? emulator(req, url) : api(req, url);
    handler
      .catch((error: unknown): ApiReply =>
        fail(500, `Internal Server Error: ${(error as Error).message}`),
      )
      .then((reply) => {
        if (reply.body === undefined) {
          res.writeHead(reply.status, reply.headers).end();
          return;
        }
        res
          .writeHead(reply.status, {
            'content-type': 'application/json; charset=utf-8',
            ...reply.headers,
          })
          .end(JSON.stringify(reply.body));
      })
      .catch(() => res.destroy());
  });
  const baseUrl = await listen(server, options.port, options.host);
  return {
    baseUrl,
    connection: { baseUrl, credentials: { apiKey } },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
