import { afterEach, describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/domain/events.js';
import { LOST_LEASES_REASON, MAX_LOST_LEASES } from '../../src/store/store.js';
import { answeredCall, CRM_STATE, EMPLOYEES } from './events.js';
import { harness, TOKEN, type Harness } from './harness.js';
import { sqliteDriverPackage } from '../../src/store/sqlite/driver.js';

// Issue 11 item 3: a poison event cannot stall a client. Invalid Unicode and
// over-long ids are refused at ingest; an event that can never finish fails
// loudly instead of being claimed forever ahead of its client's later events.

const BEARER = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
const LONE = '\ud800';
let h: Harness;
afterEach(async () => h.close());

async function start(): Promise<void> {
  h = await harness();
  await h.addProject('acme', {
    employees: EMPLOYEES,
    connection: { kind: 'memory', state: CRM_STATE },
  });
}
const ingest = (payload: string | Buffer) =>
  h.app.inject({ method: 'POST', url: '/v1/projects/acme/events', headers: BEARER, payload });
const stored = async () => {
  const counts = await h.store.countEvents('acme');
  return Object.values(counts).reduce((a, b) => a + b, 0);
};
type Problems = { problems: Array<{ path: string; message: string }> };
const problemsOf = (res: { json: () => unknown }) => (res.json() as Problems).problems;
const paths = (res: { json: () => unknown }) =>
  problemsOf(res)
    .map((p) => p.path)
    .sort();
async function drain(): Promise<void> {
  while ((await h.worker.runOnce()).length > 0);
}

describe('poison events (issue 11 item 3)', () => {
  it('an eventId with a lone surrogate is refused with 422 naming the path; nothing stored', async () => {
    await start();
    const events = answeredCall('p1', '+380501112233');
    const poisoned = [events[0], { ...events[1], eventId: `x${LONE}` }];
    const res = await ingest(JSON.stringify(poisoned));
    expect(res.statusCode).toBe(422);
    expect(problemsOf(res)).toEqual([
      { path: '[1].eventId', message: 'not valid Unicode (a lone surrogate)' },
    ]);
    expect(await stored()).toBe(0);
  });

  it('any string of an event is checked: member names and nested values, by path', async () => {
    await start();
    const form = {
      type: 'form.submitted',
      eventId: 'f1',
      at: '2026-03-02T08:00:00Z',
      phone: '+380501112233',
      fields: { [`k${LONE}`]: 'v', ok: `\udc00tail` },
      tracking: { utm: { source: `a${LONE}` } },
    };
    const res = await ingest(JSON.stringify(form));
    expect(res.statusCode).toBe(422);
    expect(paths(res)).toEqual([`fields.k${LONE}`, 'fields.ok', 'tracking.utm.source']);
    // A well-formed pair (an emoji) is valid Unicode and accepted.
    const fine = await ingest(
      JSON.stringify({ ...form, fields: { note: '\ud83d\ude00' }, tracking: {} }),
    );
    expect(fine.statusCode).toBe(202);
  });

  it('a body that is not valid UTF-8 is refused (400), not stored with U+FFFD in place', async () => {
    await start();
    const text = JSON.stringify(answeredCall('p2', '+380501112233')[0]).replace('p2-1', 'p2-#');
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.indexOf('#'.charCodeAt(0))] = 0xff;
    const res = await ingest(bytes);
    expect(res.statusCode).toBe(400);
    expect(await stored()).toBe(0);
  });

  it('eventId and callId (and dialogId) are capped at 200 characters', async () => {
    await start();
    const [started] = answeredCall('p3', '+380501112233');
    const long = 'x'.repeat(201);
    const res = await ingest(JSON.stringify([{ ...started, eventId: long, callId: long }]));
    expect(res.statusCode).toBe(422);
    expect(paths(res)).toEqual(['[0].callId', '[0].eventId']);
    expect(parseEvent({ ...started, eventId: 'x'.repeat(200) }).ok).toBe(true);
    expect(await stored()).toBe(0);
  });

  it('a completion that matches no inbox row fails the event loudly; the caller’s later calls go on', async () => {
    await start();
    // As main stored it before ingest refused it: the id reads back with U+FFFD, so no completion by id matches.
    const [started] = answeredCall('p4', '+380501112233');
    const poison = { ...started, eventId: `p4${LONE}` } as never;
    if (h.store.backend === 'postgres') {
      // PostgreSQL refuses the text outright (before the ingest check it answered 503): nothing to stall.
      await expect(
        h.store.insertEvents('acme', [{ event: poison, orderingKey: 'k' }], h.clock.now),
      ).rejects.toThrow();
      return;
    }
    await h.store.insertEvents(
      'acme',
      [{ event: poison, orderingKey: 'client:+380501112233' }],
      h.clock.now,
    );
    const later = answeredCall('p5', '+380501112233');
    const res = await ingest(JSON.stringify(later));
    expect(res.statusCode).toBe(202);
    await drain();
    const counts = await h.store.countEvents('acme');
    if (sqliteDriverPackage === 'better-sqlite3-napi') {
      // better-sqlite3 13 (Node 22+) reads the id back as written: the completion matches, nothing stalls.
      expect(counts).toMatchObject({ failed: 0, applied: 4, pending: 0 });
      return;
    }
    expect(counts).toMatchObject({ failed: 1, applied: 3, pending: 0 });
    const failed = await h.store.listFailed('acme', 10);
    expect(failed.events[0]?.lastError).toMatch(/matched no row/);
  });

  it(`an event claimed ${MAX_LOST_LEASES} times without completing goes to failed with the reason`, async () => {
    await start();
    const [started] = answeredCall('p6', '+380501112266');
    await ingest(JSON.stringify([started]));
    const lease = 30_000;
    for (let claim = 1; claim <= MAX_LOST_LEASES; claim++) {
      const got = await h.store.claimEvents('crashing-worker', 10, lease, h.clock.now);
      expect(got.map((e) => [e.eventId, e.lostLeases])).toEqual([['p6-1', claim - 1]]);
      // The worker dies holding it: the lease runs out.
      h.clock.now = new Date(h.clock.now.getTime() + lease + 1);
    }
    // The next claim finds the fifth lease run out: the worker fails the event instead of running it.
    expect(await h.worker.runOnce()).toEqual(['failed']);
    const detail = await h.store.getEvent('acme', 'p6-1');
    expect(detail?.event.state).toBe('failed');
    expect(detail?.event.lastError).toBe(LOST_LEASES_REASON);
  });
});
