import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defined,
  DOCUMENT,
  isJson,
  nasty,
  openSurfaces,
  OPERATOR,
  SECRET,
  segment,
  TOKEN,
  NOW,
  type Surfaces,
} from './surfaces-app.js';

// Issue 11, Proof: 8 000 requests aimed at the surfaces issue 11 added — the
// alert webhook settings (2 000), the one-event retry (1 500), the retry of
// every failed event (1 000), Unicode edge cases at ingest (1 500) and the
// OAuth callback (2 000) — each answered with a 4xx and nothing stored.

let surfaces: Surfaces;
beforeAll(async () => {
  surfaces = await openSurfaces();
});
afterAll(async () => surfaces.close());
const footprint = (): Promise<string> => surfaces.footprint();
const inject = (options: InjectOptions) => surfaces.app.inject(options);
const admin = { authorization: `Bearer ${OPERATOR}` };

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
        const response = await inject({
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
          const response = await inject({
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
        const response = await inject({
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
  it('the retry of every failed event: wrong or missing keys, unknown projects, malformed bodies are 4xx (1 000 requests)', async () => {
    const before = await footprint();
    // Each request is wrong in at least one way: acme with the operator key and no body would retry.
    const wrongKey = fc.oneof(
      fc.constantFrom(TOKEN, 'cmo_wrong', '', 'Bearer', OPERATOR.slice(0, -1)),
      fc.string({ maxLength: 60 }),
    );
    const unknownProject = fc.oneof(
      nasty.filter((id) => id !== 'acme'),
      fc.constantFrom('nobody', 'ACME', 'acme ', '..', '%2e%2e'),
    );
    const request = fc.oneof(
      fc.record({
        key: wrongKey,
        project: fc.constantFrom('acme', 'nobody'),
        body: fc.constant(undefined),
      }),
      fc.record({
        key: fc.constant(OPERATOR),
        project: unknownProject,
        body: fc.constant(undefined),
      }),
      fc.record({
        key: fc.constant(OPERATOR),
        project: fc.constant('acme'),
        body: fc
          .oneof(nasty, fc.constantFrom('{', '[1,', '{"a":}', '\u0000'))
          .filter((text) => !isJson(text)),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ key, project, body }) => {
        const response = await inject({
          method: 'POST',
          url: `/v1/projects/${segment(project)}/events/retry`,
          headers: {
            ...(key ? { authorization: `Bearer ${key}` } : {}),
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { payload: body }),
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
    expect(await footprint()).toBe(before);
  });

  it('the OAuth callback: forged, altered, misplaced or missing states and odd CRM names are 4xx (2 000 requests)', async () => {
    const before = await footprint();
    const [id = '', signature = ''] = surfaces.realState.split('.');
    const flip = (text: string, at: number): string =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    // States that must not open the real flow: everything but the real state on pipedrive.
    const state = fc.oneof(
      nasty,
      fc.string({ minLength: 1, maxLength: 300 }),
      fc
        .nat({ max: Math.max(0, surfaces.realState.length - 1) })
        .map((at) => flip(surfaces.realState, at)),
      fc.constantFrom(
        `${surfaces.realState}.x`,
        `${id}.`,
        `${id}.${signature}.${signature}`,
        `.${signature}`,
        id,
        surfaces.realState.toUpperCase(),
        `${surfaces.realState} `,
      ),
    );
    const crm = fc.oneof(fc.constantFrom('zoho', 'pipedrive', 'salesforce', 'retailcrm'), nasty);
    const extra = fc.record(
      { code: nasty, error: nasty, error_description: nasty },
      { requiredKeys: [] },
    );
    const query = fc.oneof(
      fc.record({ crm, state, extra }).map(({ crm: name, state: value, extra: more }) => ({
        crm: name,
        query: new URLSearchParams({ ...more, state: value }).toString(),
      })),
      // The real state at another CRM's callback: it names its CRM, so it is refused there.
      fc.record({ crm: fc.constantFrom('zoho', 'salesforce'), code: nasty }).map((r) => ({
        crm: r.crm,
        query: new URLSearchParams({ state: surfaces.realState, code: r.code }).toString(),
      })),
      fc
        .record({
          crm: fc.constant('zoho'),
          raw: fc.constantFrom(
            '',
            'code=abc',
            'state=',
            'state=%ED%A0%80',
            'state=%',
            `state=${encodeURIComponent(surfaces.realState)}&state=${encodeURIComponent(surfaces.realState)}`,
            `state[]=${encodeURIComponent(surfaces.realState)}`,
          ),
        })
        .map((r) => ({ crm: r.crm, query: r.raw })),
    );
    await fc.assert(
      fc.asyncProperty(query, async (call) => {
        const response = await inject({
          method: 'GET',
          url: `/v1/oauth/${segment(call.crm)}/callback?${call.query}`,
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 2000 },
    );
    expect(await footprint()).toBe(before);
    // The near misses were refused by the state check, not by a flow already gone: the real
    // state still opens it (no code: the browser is sent back to the app with the error).
    const real = await inject({
      method: 'GET',
      url: `/v1/oauth/pipedrive/callback?state=${encodeURIComponent(surfaces.realState)}`,
    });
    expect(real.statusCode).toBe(303);
    expect(real.headers['location']).toContain('oauth=error');
    expect(await footprint()).toBe(before);
  });
});
