import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCrm } from '../../src/crm/memory/adapter.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { SnapshotSchema } from '../../src/domain/snapshot.js';
import { buildApp } from '../../src/service/app.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

/** Any value but undefined (an absent member is a valid document). */
const defined = fc.anything().filter((value) => value !== undefined);

/** A path segment as a client would send it; a lone surrogate as its (invalid) UTF-8 bytes. */
const segment = (id: string): string =>
  [...id]
    .map((char) => (/[\uD800-\uDFFF]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char)))
    .join('');

// Issue 11, Proof: 5 000 requests aimed at the surfaces issue 11 added — the
// alert webhook settings (2 000), the retry endpoint (1 500), Unicode edge
// cases at ingest (1 500) — each answered with a 4xx and nothing stored.
// The OAuth callback is not part of the service yet and is not fuzzed here.

const OPERATOR = 'cmo_fuzz-operator-key-0123456789abcdef';
const TOKEN = 'fuzz-webhook-token-0123456789';
const SECRET = `whsec_${Buffer.from('alert-secret-of-thirty-two-bytes').toString('base64')}`;
const NOW = new Date('2026-05-04T12:00:00Z');

let dir: string;
let store: Store;
let app: FastifyInstance;

const DOCUMENT = {
  crm: 'pipedrive',
  project: { defaultCountry: 'UA' },
  employees: [{ id: 'e1', name: 'Top', crmUserId: 'u1', topManager: true }],
  connection: { kind: 'memory', state: { users: [{ id: 'u1', name: 'Top' }] } },
  webhook: { token: TOKEN },
  alerts: { url: 'http://127.0.0.1:9/alerts', signingSecret: SECRET, failedThreshold: 5 },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callmatrix-fuzz-new-'));
  store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
  await ensureOperatorKey(store, OPERATOR, NOW);
  const box = new SecretBox(Buffer.from(generateSecretKey(), 'base64'));
  const projects = new ProjectStore(store, box);
  app = await buildApp({
    store,
    settings: { maxBodyBytes: 64 * 1024, ingestRatePerSec: 0 },
    projects,
    now: () => NOW,
    extraRoutes: [
      (root) =>
        registerAdminRoutes(root, {
          store,
          secretBox: box,
          projects,
          allowCrmHosts: ['127.0.0.1'],
          crmPort: (p) =>
            new MemoryCrm(p.crm, SnapshotSchema.parse({ users: [{ id: 'u1', name: 'Top' }] }), {
              defaultCountry: p.settings.defaultCountry,
              texts: fitTexts(p.settings.language),
            }),
          now: () => NOW,
        }),
    ],
  });
  await app.ready();
  const put = await app.inject({
    method: 'PUT',
    url: '/v1/projects/acme',
    headers: { authorization: `Bearer ${OPERATOR}` },
    payload: DOCUMENT,
  });
  expect(put.statusCode).toBe(201);
  // One event already applied: retrying it is a conflict, not a change.
  const event = {
    eventId: 'done-1',
    type: 'call.started',
    at: NOW.toISOString(),
    callId: 'c-done',
    direction: 'incoming',
    from: '+380501112233',
    to: '+380441110001',
  };
  const accepted = await app.inject({
    method: 'POST',
    url: '/v1/projects/acme/events',
    headers: { authorization: `Bearer ${TOKEN}` },
    payload: event,
  });
  expect(accepted.statusCode).toBe(202);
  const [claimed] = await store.claimEvents('w', 1, 60_000, NOW);
  expect(claimed?.eventId).toBe('done-1');
  await store.complete('w', 'acme', 'done-1', {
    outcome: 'skipped',
    journal: {
      entry: {
        eventId: 'done-1',
        type: 'call.started',
        conditions: [],
        outcome: 'skipped',
        operations: [],
      },
      at: NOW,
      callId: 'c-done',
      phones: [],
    },
  });
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything the requests could have changed. */
async function footprint(): Promise<string> {
  const projects = await store.listProjects();
  const per = await Promise.all(
    projects.map(async (p) => ({
      id: p.id,
      version: p.version,
      document: p.document,
      events: await store.countEvents(p.id),
      journal: (await store.listJournal(p.id, {})).entries.length,
      alerts: (await store.listAlerts(p.id)).length,
    })),
  );
  return JSON.stringify(per);
}

const admin = { authorization: `Bearer ${OPERATOR}` };

/** Strings that trip parsers: lone surrogates, controls, bidi marks, NUL, very long runs. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\uD800', 'a\uDC00b', '\uFFFF', '\u0000', '\u202E', 'e\u0301', '𝔘𝔫𝔦'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant('x'.repeat(5_000)),
);

describe('new surfaces (fuzz, issue 11 Proof): 4xx, nothing stored', () => {
  it('alert webhook settings: malformed, unsafe or unsigned alerts are refused (2 000 requests)', async () => {
    const before = await footprint();
    const badUrl = fc.oneof(
      nasty,
      fc.webUrl().filter((url) => !url.includes('://127.0.0.1')),
      fc.constantFrom(
        'https://alerts.example.com/hook',
        'http://169.254.169.254/latest/meta-data',
        'http://localhost/alerts',
        'ftp://127.0.0.1/alerts',
        'http://user:pass@127.0.0.1/alerts',
        'javascript:alert(1)',
        'http://127.0.0.1.evil.com/',
        'http://[::1]/alerts',
      ),
      defined,
    );
    const badSecret = fc.oneof(
      nasty,
      fc.constantFrom('whsec_', 'whsec_short', 'secret', ''),
      defined,
    );
    const badThreshold = fc.oneof(
      fc.double().filter((value) => !Number.isInteger(value)),
      fc.integer({ max: 0 }),
      fc.integer({ min: 1_000_001 }),
      fc.constantFrom('10', null, [], {}),
    );
    // Each alerts member is wrong in at least one way the schema or the host rule refuses.
    const alerts = fc.oneof(
      fc.record({ url: badUrl, signingSecret: fc.constant(SECRET) }),
      fc.record({ url: fc.constant('http://127.0.0.1:9/a'), signingSecret: badSecret }),
      fc.record({ url: fc.constant('http://127.0.0.1:9/a') }),
      fc.record({ failedThreshold: badThreshold }),
      fc.record({
        url: fc.constant('http://127.0.0.1:9/a'),
        signingSecret: fc.constant(SECRET),
        [`x`]: nasty,
      }),
      defined.filter(
        (value) => typeof value !== 'object' || value === null || Array.isArray(value),
      ),
    );
    await fc.assert(
      fc.asyncProperty(alerts, fc.constantFrom('acme', 'fresh'), async (member, project) => {
        const response = await app.inject({
          method: 'PUT',
          url: `/v1/projects/${project}`,
          headers: admin,
          payload: { ...DOCUMENT, webhook: { token: TOKEN }, alerts: member },
        });
        expect([400, 422]).toContain(response.statusCode);
      }),
      { numRuns: 2000 },
    );
    expect(await footprint()).toBe(before);
  });

  it('the retry endpoint: unknown, odd or finished event ids and wrong keys are 4xx (1 500 requests)', async () => {
    const before = await footprint();
    const eventId = fc.oneof(nasty, fc.constantFrom('done-1', 'x', '..', '%2e%2e', 'done-1%00'));
    const key = fc.constantFrom(OPERATOR, TOKEN, 'cmo_wrong', '');
    await fc.assert(
      fc.asyncProperty(
        eventId,
        key,
        fc.constantFrom('acme', 'nobody'),
        async (id, bearer, project) => {
          const response = await app.inject({
            method: 'POST',
            url: `/v1/projects/${project}/events/${segment(id)}/retry`,
            headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
          });
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
          expect(response.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 1500 },
    );
    expect(await footprint()).toBe(before);
  });

  it('Unicode edge cases at ingest: lone surrogates anywhere in an event, overlong ids: 4xx (1 500 requests)', async () => {
    const before = await footprint();
    const lone = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', 'a\uD83Db', '\uDE00x');
    const base = {
      type: 'call.started',
      at: NOW.toISOString(),
      direction: 'incoming',
      from: '+380501112233',
      to: '+380441110001',
    };
    const poisoned = fc.oneof(
      fc.record({ eventId: lone.map((s) => `e${s}`), callId: fc.constant('c1') }),
      fc.record({ eventId: fc.constant('e-ok'), callId: lone.map((s) => `c${s}`) }),
      fc.record({
        eventId: fc.string({ minLength: 201, maxLength: 400 }),
        callId: fc.constant('c1'),
      }),
      fc.record({
        eventId: fc.constant('e-ok'),
        callId: fc.string({ minLength: 201, maxLength: 400 }),
      }),
      fc
        .tuple(lone, nasty)
        .map(([s, value]) => ({ eventId: 'e-ok', callId: 'c1', [`k${s}`]: value })),
      fc.tuple(lone).map(([s]) => ({ eventId: 'e-ok', callId: 'c1', from: `+38050${s}` })),
    );
    await fc.assert(
      fc.asyncProperty(poisoned, fc.boolean(), async (fields, asArray) => {
        const event = { ...base, ...fields };
        const response = await app.inject({
          method: 'POST',
          url: '/v1/projects/acme/events',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          payload: JSON.stringify(asArray ? [event] : event),
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 1500 },
    );
    expect(await footprint()).toBe(before);
  });
});
