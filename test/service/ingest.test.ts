import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sign } from '../../src/sources/standard-webhooks/verify.js';
import { answeredCall } from './events.js';
import { harness, SIGNING_SECRET, TOKEN, type Harness } from './harness.js';

// service.md §3–4: the ingest status matrix, in the contract's order of checks.

const URL = '/v1/projects/acme/events';
const JSON_TYPE = { 'content-type': 'application/json' };
const BEARER = { ...JSON_TYPE, authorization: `Bearer ${TOKEN}` };

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await h.addProject('acme');
});
afterEach(async () => h.close());

const post = (payload: string | Buffer, headers: Record<string, string>, url = URL) =>
  h.app.inject({ method: 'POST', url, payload, headers });
const body = (events: unknown): string => JSON.stringify(events);
const stored = async (): Promise<number> => (await h.store.countEvents('acme')).pending;

describe('ingest status matrix (service.md §4)', () => {
  it('202 with accepted and duplicates, answered after the commit', async () => {
    const events = answeredCall('c1', '+380501112233');
    const res = await post(body(events), BEARER);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 3, duplicates: 0 });
    expect(await stored()).toBe(3);
  });

  it('one event (not an array) is accepted too', async () => {
    const res = await post(body(answeredCall('c1', '+380501112233')[0]), BEARER);
    expect(res.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('D6: a re-delivered eventId is a duplicate whatever its body; repeats inside a request too', async () => {
    const events = answeredCall('c1', '+380501112233');
    await post(body(events), BEARER);
    const changed = { ...events[0], from: '+380509999999' };
    const res = await post(
      body([changed, events[1], answeredCall('c2', '+380501112244')[0]]),
      BEARER,
    );
    expect(res.json()).toEqual({ accepted: 1, duplicates: 2 });
    const again = await post(
      body([answeredCall('c3', '+380501112255')[0], answeredCall('c3', '+380501112255')[0]]),
      BEARER,
    );
    expect(again.json()).toEqual({ accepted: 1, duplicates: 1 });
    expect(await stored()).toBe(5);
  });

  it('413 over the body limit comes before 415 and 401', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 'x');
    const res = await post(big, { 'content-type': 'text/plain' }, '/v1/projects/nobody/events');
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ type: 'urn:callmatrix:payload-too-large', status: 413 });
  });

  it('415 for a body that is not JSON content, before 401', async () => {
    const res = await post(
      'a=b',
      { 'content-type': 'application/x-www-form-urlencoded' },
      '/v1/projects/nobody/events',
    );
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ type: 'urn:callmatrix:unsupported-media-type' });
  });

  it('401 the same for a wrong token, a bad signature, a missing credential and an unknown project, before 400', async () => {
    const wrong = await post('{not json', { ...JSON_TYPE, authorization: 'Bearer nope' });
    const unknown = await post('{not json', BEARER, '/v1/projects/nobody/events');
    const none = await post('{not json', JSON_TYPE);
    const badSig = await post('{not json', {
      ...JSON_TYPE,
      'webhook-id': 'm1',
      'webhook-timestamp': String(Math.floor(h.clock.now.getTime() / 1000)),
      'webhook-signature': 'v1,AAAA',
    });
    for (const res of [wrong, unknown, none, badSig]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(wrong.json());
    }
    expect(await stored()).toBe(0);
  });

  it('400 for a body that is not JSON, before 422', async () => {
    const res = await post('{"type": ', BEARER);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ type: 'urn:callmatrix:not-json' });
  });

  it('422 names each problem by path; an array is accepted whole or not at all', async () => {
    const events = answeredCall('c1', '+380501112233');
    const bad = [
      ...events,
      { ...events[0], eventId: 'x', from: '' },
      { type: 'call.paused', eventId: 'y', callId: 'c1', at: events[0]?.['at'] },
    ];
    const res = await post(body(bad), BEARER);
    expect(res.statusCode).toBe(422);
    const problem = res.json<{ type: string; problems: Array<{ path: string }> }>();
    expect(problem.type).toBe('urn:callmatrix:invalid-events');
    expect(problem.problems.map((p) => p.path)).toEqual(['[3].from', '[4].type']);
    expect(await stored()).toBe(0);
  });

  it('422 for an event without eventId, and for more than 1 000 events', async () => {
    const noId = { ...answeredCall('c1', '+380501112233')[0], eventId: undefined };
    expect((await post(body(noId), BEARER)).statusCode).toBe(422);
    const many = Array.from({ length: 1001 }, (_, i) => answeredCall(`m${i}`, '+380501112233')[0]);
    const res = await post(body(many), BEARER);
    expect(res.statusCode).toBe(422);
    expect(await stored()).toBe(0);
  });

  it('503 when the store cannot commit; nothing accepted', async () => {
    const original = h.store.insertEvents.bind(h.store);
    h.store.insertEvents = () => Promise.reject(new Error('disk full'));
    const res = await post(body(answeredCall('c1', '+380501112233')), BEARER);
    h.store.insertEvents = original;
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ type: 'urn:callmatrix:store-unavailable' });
    expect(await stored()).toBe(0);
  });
});

describe('Standard Webhooks signatures (service.md §3)', () => {
  const signed = (payload: string, id: string, timestampSec: number, secret = SIGNING_SECRET) => ({
    ...JSON_TYPE,
    'webhook-id': id,
    'webhook-timestamp': String(timestampSec),
    'webhook-signature': sign(secret, id, timestampSec, Buffer.from(payload)),
  });
  const nowSec = (): number => Math.floor(h.clock.now.getTime() / 1000);

  it('a real HMAC over the raw bytes is accepted, also among several signatures', async () => {
    // Odd spacing: a parsed-and-reserialised body would not match the signature.
    const payload = `[ ${body(answeredCall('c1', '+380501112233')[0])} ]`;
    const headers = signed(payload, 'msg_1', nowSec());
    expect((await post(payload, headers)).statusCode).toBe(202);
    const second = `[${body(answeredCall('c2', '+380501112244')[0])}]`;
    const both = signed(second, 'msg_2', nowSec());
    both['webhook-signature'] = `v1,bm90IGl0 ${both['webhook-signature']}`;
    expect((await post(second, both)).statusCode).toBe(202);
  });

  it('401 for an altered body, a wrong secret, a timestamp over 5 minutes away, a missing header', async () => {
    const payload = body(answeredCall('c1', '+380501112233')[0]);
    const good = signed(payload, 'msg_1', nowSec());
    const cases = [
      post(payload.replace('c1', 'c9'), good),
      post(
        payload,
        signed(
          payload,
          'msg_1',
          nowSec(),
          `whsec_${Buffer.from('another-key').toString('base64')}`,
        ),
      ),
      post(payload, signed(payload, 'msg_1', nowSec() - 301)),
      post(payload, signed(payload, 'msg_1', nowSec() + 301)),
      post(payload, { ...good, 'webhook-id': '' }),
    ];
    for (const res of await Promise.all(cases)) expect(res.statusCode).toBe(401);
    expect(await stored()).toBe(0);
  });
});

describe('rate limit (CALLMATRIX_INGEST_RATE)', () => {
  it('429 with Retry-After past the burst of twice the rate; nothing stored from the refused request', async () => {
    const limited = await harness({ ingestRatePerSec: 2 });
    await limited.addProject('acme');
    const send = (i: number) =>
      limited.app.inject({
        method: 'POST',
        url: URL,
        headers: BEARER,
        payload: body(answeredCall(`r${i}`, '+380501112233')[0]),
      });
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push((await send(i)).statusCode);
    expect(codes).toEqual([202, 202, 202, 202, 429]);
    const refused = await send(9);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ type: 'urn:callmatrix:rate-limited', status: 429 });
    expect((await limited.store.countEvents('acme')).pending).toBe(4);
    // A second later the bucket has refilled by the rate.
    limited.clock.now = new Date(limited.clock.now.getTime() + 1000);
    expect((await send(10)).statusCode).toBe(202);
    await limited.close();
  });
});

describe('ops (service.md §1)', () => {
  it('healthz, readyz and Prometheus metrics', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await post(body(answeredCall('c1', '+380501112233')), BEARER);
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('callmatrix_events_accepted_total 3');
    expect(metrics.body).toContain('callmatrix_queue_depth 3');
  });

  it('readyz answers 503 when the store is not reachable', async () => {
    h.store.ready = () => Promise.resolve(false);
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
  });
});
