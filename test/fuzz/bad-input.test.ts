import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/sources/standard-webhooks/verify.js';
import type { Store } from '../../src/store/store.js';
import { NOW, OPERATOR, openFuzzApp, type FuzzApp } from './fuzz-app.js';

// Thousands of malformed, oversized, wrongly signed and replayed requests
// against the admin API, routing and ingest, on the real app and a real SQLite
// store: each gets the right 4xx, the service keeps answering, nothing is stored.

const TOKEN = 'fuzz-webhook-token-0123456789';
const SIGNING = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const NOW_SEC = Math.floor(NOW.getTime() / 1000);

let store: Store;
let app: FastifyInstance;

const DOCUMENT = {
  crm: 'pipedrive',
  project: { defaultCountry: 'UA' },
  employees: [{ id: 'e1', name: 'Top', crmUserId: 'u1', topManager: true }],
  connection: { kind: 'memory' },
  webhook: { token: TOKEN, signingSecret: SIGNING },
};

let fuzz: FuzzApp;

beforeAll(async () => {
  fuzz = await openFuzzApp(DOCUMENT, { tempPrefix: 'callmatrix-fuzz-' });
  ({ app, store } = fuzz);
});

afterAll(() => fuzz.close());

/** Everything the requests could have changed. */
async function footprint(): Promise<string> {
  const projects = await store.listProjects();
  const per = await Promise.all(
    projects.map(async (p) => ({
      id: p.id,
      version: p.version,
      events: await store.countEvents(p.id),
      journal: (await store.listJournal(p.id, {})).entries.length,
      integration: (await store.getIntegration(p.id))?.state,
    })),
  );
  return JSON.stringify(per);
}

const ADMIN_PATHS = [
  '/v1/projects/acme',
  '/v1/projects/acme/employees',
  '/v1/projects/acme/matrix',
  '/v1/projects/acme/field-map',
  '/v1/projects/acme/pipeline-rules',
  '/v1/projects/acme/stop-list',
  '/v1/projects/acme/connection',
  '/v1/projects/acme/status',
  '/v1/projects/acme/journal',
  '/v1/projects/acme/keys',
  '/v1/projects/acme/events/x',
  '/v1/projects/acme/events/x/retry',
  '/v1/projects/acme/integration/activate',
  '/v1/projects/acme/integration/deactivate',
  '/v1/projects/acme/dry-run',
  '/v1/projects/acme/crm/users',
  '/v1/crms/zoho/default-matrix',
  '/v1/projects/other',
];
const METHODS = ['GET', 'PUT', 'POST', 'DELETE'] as const;
const PARTS = ['employees', 'matrix', 'field-map', 'pipeline-rules', 'stop-list', 'connection'];
/** The method and path pairs that exist (others are refused by routing). */
const ROUTES = new Set([
  'GET /v1/projects/acme',
  'PUT /v1/projects/acme',
  'DELETE /v1/projects/acme',
  'GET /v1/projects/other',
  'PUT /v1/projects/other',
  'DELETE /v1/projects/other',
  ...PARTS.flatMap((part) => [
    `GET /v1/projects/acme/${part}`,
    `PUT /v1/projects/acme/${part}`,
    `DELETE /v1/projects/acme/${part}`,
  ]),
  'GET /v1/projects/acme/status',
  'GET /v1/projects/acme/journal',
  'POST /v1/projects/acme/keys',
  'GET /v1/projects/acme/events/x',
  'POST /v1/projects/acme/events/x/retry',
  'POST /v1/projects/acme/integration/activate',
  'POST /v1/projects/acme/integration/deactivate',
  'POST /v1/projects/acme/dry-run',
  'GET /v1/projects/acme/crm/users',
  'GET /v1/crms/zoho/default-matrix',
]);

const junkBody = fc.oneof(
  fc.json(),
  fc.string(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b).toString('latin1')),
);
const badAuth = fc.oneof(
  fc.constant<Record<string, string>>({}),
  fc.string().map((s) => ({ authorization: s.replace(/[\r\n]/g, '') })),
  fc.string({ minLength: 1 }).map((s) => ({ authorization: `Bearer ${s.replace(/\s/g, 'x')}` })),
  fc.constant({ authorization: `Bearer ${TOKEN}` }), // a webhook token is no admin key
);

describe('bad input (fuzz): the service stays up, answers 4xx, stores nothing', () => {
  it('service.md §3: any admin request without a valid key is 401, whatever its method, body or headers (2 000 requests)', async () => {
    const before = await footprint();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ADMIN_PATHS),
        fc.constantFrom(...METHODS),
        badAuth,
        junkBody,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (url, method, headers, body, type) => {
          const response = await app.inject({
            method,
            url,
            headers: { ...headers, 'content-type': type },
            ...(method !== 'GET' && { payload: body }),
          });
          if (ROUTES.has(`${method} ${url}`)) expect(response.statusCode).toBe(401);
          // A method the path does not have is refused by routing (404, or 400 for an unparsable body) before any key is read.
          else expect([400, 401, 404, 405]).toContain(response.statusCode);
          if (response.statusCode === 401)
            expect(response.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 2000 },
    );
    expect(await footprint()).toBe(before);
  });

  it('service.md §2: malformed project documents and parts with the operator key: a refusal (400/422) stores nothing (1 500 requests)', async () => {
    const target = fc.constantFrom(
      '/v1/projects/fuzzed',
      '/v1/projects/acme',
      ...PARTS.map((part) => `/v1/projects/acme/${part}`),
    );
    const document = fc.oneof(
      fc.anything(),
      fc.record(
        {
          crm: fc.oneof(fc.string(), fc.constantFrom('zoho', 'pipedrive')),
          project: fc.anything(),
          employees: fc.anything(),
          connection: fc.anything(),
        },
        { requiredKeys: ['crm'] },
      ),
      fc.record({
        crm: fc.constant('pipedrive'),
        connection: fc.record({
          baseUrl: fc.webUrl(),
          credentials: fc.record({ apiToken: fc.string() }),
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(target, document, async (url, body) => {
        const before = await footprint();
        const raw = JSON.stringify(body) ?? 'null';
        const response = await app.inject({
          method: 'PUT',
          url,
          headers: { authorization: `Bearer ${OPERATOR}`, 'content-type': 'application/json' },
          payload: raw,
        });
        // Some generated documents and parts are valid (an empty stop-list, or `{ crm: "zoho", project: {} }`
        // for a new project): those are saved — and then readable — and that is right.
        expect([200, 201, 400, 422]).toContain(response.statusCode);
        if (response.statusCode === 200 || response.statusCode === 201) {
          const read = await app.inject({
            method: 'GET',
            url,
            headers: { authorization: `Bearer ${OPERATOR}` },
          });
          expect(read.statusCode).toBe(200);
          if (response.statusCode === 201) {
            const removed = await app.inject({
              method: 'DELETE',
              url,
              headers: { authorization: `Bearer ${OPERATOR}` },
            });
            expect(removed.statusCode).toBe(204);
          }
        } else {
          expect(response.json<{ type: string }>().type).toMatch(/^urn:callmatrix:/);
          expect(await footprint()).toBe(before);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('oversized, non-JSON and wrongly typed bodies: 413 / 400 / 415 on admin and ingest alike', async () => {
    const before = await footprint();
    const big = JSON.stringify({ crm: 'zoho', pad: 'x'.repeat(70 * 1024) });
    for (const url of ['/v1/projects/acme', '/v1/projects/acme/events']) {
      const method = url.endsWith('events') ? 'POST' : 'PUT';
      const headers = url.endsWith('events')
        ? { authorization: `Bearer ${TOKEN}` }
        : { authorization: `Bearer ${OPERATOR}` };
      expect(
        (
          await app.inject({
            method,
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: big,
          })
        ).statusCode,
        url,
      ).toBe(413);
      expect(
        (
          await app.inject({
            method,
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: '{"crm": ',
          })
        ).statusCode,
        url,
      ).toBe(400);
      expect(
        (
          await app.inject({
            method,
            url,
            headers: { ...headers, 'content-type': 'text/csv' },
            payload: 'a,b',
          })
        ).statusCode,
        url,
      ).toBe(415);
    }
    expect(await footprint()).toBe(before);
  });

  it('service.md §3, §4: wrongly signed, stale and replayed ingest requests are 401 and store nothing (1 500 requests)', async () => {
    const before = await footprint();
    const event = {
      eventId: 'e1',
      type: 'call.started',
      at: '2026-05-04T11:00:00Z',
      callId: 'c1',
      direction: 'incoming',
      from: '+380501112233',
      to: '+380441110001',
    };
    const body = JSON.stringify(event);
    const attack = fc.oneof(
      // a signature made with another secret
      fc.string({ minLength: 1 }).map((id) => ({
        'webhook-id': id.replace(/[\r\n]/g, '') || 'x',
        'webhook-timestamp': String(NOW_SEC),
        'webhook-signature': sign(
          'whsec_b3RoZXItc2VjcmV0LWtleS0xMjM0NTY=',
          'x',
          NOW_SEC,
          Buffer.from(body),
        ),
      })),
      // a valid signature replayed outside the 5-minute window
      fc
        .integer({ min: 301, max: 10_000_000 })
        .chain((skew) => fc.constantFrom(-1, 1).map((sign_) => NOW_SEC + sign_ * skew))
        .map((ts) => ({
          'webhook-id': 'msg',
          'webhook-timestamp': String(ts),
          'webhook-signature': sign(SIGNING, 'msg', ts, Buffer.from(body)),
        })),
      // a valid signature over another body
      fc.string().map((other) => ({
        'webhook-id': 'msg',
        'webhook-timestamp': String(NOW_SEC),
        'webhook-signature': sign(SIGNING, 'msg', NOW_SEC, Buffer.from(other + '!')),
      })),
      // garbage signature headers and wrong tokens
      fc
        .record({
          'webhook-id': fc.string(),
          'webhook-timestamp': fc.string(),
          'webhook-signature': fc.string(),
        })
        .map((h) =>
          Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.replace(/[\r\n]/g, '')])),
        ),
      fc
        .string({ minLength: 1 })
        .map((t) => ({ authorization: `Bearer ${t.replace(/\s/g, 'y')}` })),
    );
    await fc.assert(
      fc.asyncProperty(attack, fc.constantFrom('acme', 'nobody'), async (headers, project) => {
        const response = await app.inject({
          method: 'POST',
          url: `/v1/projects/${project}/events`,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: body,
        });
        expect(response.statusCode).toBe(401);
      }),
      { numRuns: 1500 },
    );
    expect(await footprint()).toBe(before);
  });

  it('G13 routing: random callers with the token answer 200 or 400; without it 401 (1 000 requests)', async () => {
    const before = await footprint();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 100 }), fc.boolean(), async (caller, authed) => {
        const response = await app.inject({
          method: 'GET',
          url: `/v1/projects/acme/route?caller=${encodeURIComponent(caller)}`,
          headers: authed ? { authorization: `Bearer ${TOKEN}` } : {},
        });
        if (!authed) expect(response.statusCode).toBe(401);
        else expect([200, 400]).toContain(response.statusCode);
        if (response.statusCode === 200) expect(response.json()).toEqual({ match: false });
      }),
      { numRuns: 1000 },
    );
    expect(await footprint()).toBe(before);
    // Still up, still right.
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/v1/projects/acme/status',
          headers: { authorization: `Bearer ${OPERATOR}` },
        })
      ).statusCode,
    ).toBe(200);
  });
});
