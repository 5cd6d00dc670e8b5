import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/domain/plan.js';
import { acmeForEachTest, auth, putProject, type Harness } from './harness.js';
import { callMissed, callStarted, event, inbox } from './events.js';

let h: Harness;
acmeForEachTest((made) => (h = made));

const get = (url: string) => h.app.inject({ method: 'GET', url, headers: auth() });
const post = (url: string, payload?: unknown) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: auth(),
    ...(payload !== undefined && { payload: payload as object }),
  });

type Status = {
  integration: { state: string; reason: string | null };
  events: Record<string, number>;
  index: { state: string; phones: number };
};

async function applyOne(
  eventId: string,
  at: string,
  phone: string,
  outcome: 'applied' | 'skipped' = 'applied',
) {
  const entry: JournalEntry = {
    eventId,
    type: 'call.started',
    conditions: [],
    outcome,
    operations: [],
  };
  const [claimed] = await h.store.claimEvents('w1', 1, 60_000, h.now);
  expect(claimed?.eventId).toBe(eventId);
  await h.store.complete('w1', 'acme', eventId, {
    outcome,
    journal: { entry, at: new Date(at), callId: eventId, phones: [phone] },
  });
}

describe('status, journal, events (service.md §5)', () => {
  it('GET …/status: integration, event counts, index', async () => {
    const status = (await get('/v1/projects/acme/status')).json<Status>();
    expect(status).toEqual({
      integration: { state: 'active', since: h.now.toISOString(), reason: null },
      events: { pending: 0, applied: 0, skipped: 0, failed: 0, expired: 0 },
      index: { state: 'loading', phones: 0 },
    });
  });

  it('GET …/journal filters by callId, phone (local form read with the project country), outcome, time, and pages with a cursor', async () => {
    for (const [n, phone] of [
      [1, '+380671234567'],
      [2, '+380501112233'],
      [3, '+380671234567'],
    ] as const) {
      const at = `2026-05-0${n}T10:00:00Z`;
      await h.store.insertEvents(
        'acme',
        [inbox(callStarted(`ev${n}`, `ev${n}`, at, phone))],
        h.now,
      );
      await applyOne(`ev${n}`, at, phone, n === 2 ? 'skipped' : 'applied');
    }
    const all = (await get('/v1/projects/acme/journal')).json<{
      entries: Array<{ eventId: string; at: string }>;
      next: string | null;
    }>();
    expect(all.entries.map((e) => e.eventId)).toEqual(['ev1', 'ev2', 'ev3']);
    expect(all.entries[0]?.at).toBe('2026-05-01T10:00:00.000Z');
    const ids = async (query: string) =>
      (await get(`/v1/projects/acme/journal?${query}`))
        .json<{ entries: Array<{ eventId: string }> }>()
        .entries.map((e) => e.eventId);
    expect(await ids('callId=ev2')).toEqual(['ev2']);
    expect(await ids('phone=067%20123%204567')).toEqual(['ev1', 'ev3']);
    expect(await ids('outcome=skipped')).toEqual(['ev2']);
    expect(await ids('from=2026-05-02T00:00:00Z&to=2026-05-02T23:59:59Z')).toEqual(['ev2']);
    const first = (await get('/v1/projects/acme/journal?limit=2')).json<{
      entries: Array<{ eventId: string }>;
      next: string;
    }>();
    expect(first.entries).toHaveLength(2);
    expect(await ids(`limit=2&cursor=${encodeURIComponent(first.next)}`)).toEqual(['ev3']);
    for (const bad of ['limit=0', 'limit=abc', 'outcome=maybe', 'from=yesterday', 'colour=red']) {
      const response = await get(`/v1/projects/acme/journal?${bad}`);
      expect(response.statusCode, bad).toBe(400);
    }
  });

  it('GET …/events/{id} and POST …/retry put a failed event back to pending; anything else is 409, unknown 404', async () => {
    await h.store.insertEvents(
      'acme',
      [inbox(callStarted('ev1', 'c1', '2026-05-04T11:00:00Z'))],
      h.now,
    );
    const [claimed] = await h.store.claimEvents('w1', 1, 60_000, h.now);
    expect(claimed?.eventId).toBe('ev1');
    expect((await post('/v1/projects/acme/events/ev1/retry')).statusCode).toBe(409);
    await h.store.fail('w1', 'acme', 'ev1', 'CRM said 400: bad field');
    expect((await get('/v1/projects/acme/events/ev1')).json()).toEqual({
      eventId: 'ev1',
      state: 'failed',
      attempts: 1,
      lastError: 'CRM said 400: bad field',
      journal: null,
    });
    const retried = await post('/v1/projects/acme/events/ev1/retry');
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ eventId: 'ev1', state: 'pending' });
    expect((await get('/v1/projects/acme/events/nope')).statusCode).toBe(404);
    expect((await post('/v1/projects/acme/events/nope/retry')).statusCode).toBe(404);
  });
});

describe('integration state (service.md §5, G10)', () => {
  const heldEvents = async () => {
    // Today 2026-05-04 (Kyiv); a 3-day window keeps 05-02..05-04; 04-30 is outside.
    await h.store.insertEvents(
      'acme',
      [
        inbox(callStarted('old', 'call-old', '2026-04-30T09:00:00Z')),
        inbox(callMissed('old-end', 'call-old', '2026-04-30T09:01:00Z')),
      ],
      h.now,
    );
    await h.store.insertEvents(
      'acme',
      [inbox(callStarted('new', 'call-new', '2026-05-03T09:00:00Z'))],
      h.now,
    );
  };

  it('deactivate stops sending; events are still held', async () => {
    const response = await post('/v1/projects/acme/integration/deactivate');
    expect(response.json<Status>().integration).toMatchObject({
      state: 'inactive',
      reason: 'deactivated by the operator',
    });
    await heldEvents();
    expect(await h.store.claimEvents('w1', 10, 60_000, h.now)).toEqual([]);
  });

  it('G10: activate with resend sends the held events inside the window; the older call expires, all its events together', async () => {
    await post('/v1/projects/acme/integration/deactivate');
    await heldEvents();
    const response = await post('/v1/projects/acme/integration/activate', { resend: true });
    expect(response.statusCode).toBe(200);
    const status = response.json<Status>();
    expect(status.integration.state).toBe('active');
    expect(status.events).toMatchObject({ pending: 1, expired: 2 });
  });

  it('GET …/integration/resend-preview counts what activate with resend would send and expire, and changes nothing', async () => {
    await post('/v1/projects/acme/integration/deactivate');
    await heldEvents();
    const preview = await get('/v1/projects/acme/integration/resend-preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      windowDays: 3,
      windowStart: '2026-05-02',
      resend: { events: 1, calls: 1 },
      expire: { events: 2, calls: 1 },
    });
    const before = (await get('/v1/projects/acme/status')).json<Status>();
    expect(before.events).toMatchObject({ pending: 3, expired: 0 });
    const after = (
      await post('/v1/projects/acme/integration/activate', { resend: true })
    ).json<Status>();
    expect(after.events).toMatchObject({ pending: 1, expired: 2 });
    expect((await get('/v1/projects/nope/integration/resend-preview')).statusCode).toBe(404);
  });

  it('G10: activate with resend false makes every held event skipped', async () => {
    await post('/v1/projects/acme/integration/deactivate');
    await heldEvents();
    const status = (
      await post('/v1/projects/acme/integration/activate', { resend: false })
    ).json<Status>();
    expect(status.events).toMatchObject({ pending: 0, skipped: 3 });
  });

  it('G10: a CRM refusing the credentials refuses activation (409); state and held events unchanged', async () => {
    await post('/v1/projects/acme/integration/deactivate');
    await heldEvents();
    h.revoked.add('acme');
    const response = await post('/v1/projects/acme/integration/activate', { resend: true });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ detail: string }>().detail).toContain('refused the credentials');
    const status = (await get('/v1/projects/acme/status')).json<Status>();
    expect(status.integration.state).toBe('inactive');
    expect(status.events).toMatchObject({ pending: 3, expired: 0 });
  });

  it('activate refuses a malformed body (400) and a project without connection (409)', async () => {
    expect(
      (await post('/v1/projects/acme/integration/activate', { resend: 'yes' })).statusCode,
    ).toBe(400);
    await putProject(h, 'bare', { crm: 'zoho' });
    expect(
      (await post('/v1/projects/bare/integration/activate', { resend: true })).statusCode,
    ).toBe(409);
  });
});

describe('POST …/dry-run (service.md §5)', () => {
  it('runs the real pipeline, reads the CRM, writes nothing, stores nothing; later events see what earlier ones would create', async () => {
    const before = await h.crms.get('acme')?.snapshot();
    const statusBefore = (await get('/v1/projects/acme/status')).body;
    const events = [
      callStarted('a1', 'call-a', '2026-05-04T10:00:00Z'),
      callMissed('a2', 'call-a', '2026-05-04T10:00:30Z'),
      callStarted('b1', 'call-b', '2026-05-04T11:00:00Z'),
      callMissed('b2', 'call-b', '2026-05-04T11:00:30Z'),
      callStarted('k1', 'call-k', '2026-05-04T12:00:00Z', '067 123 4567'),
    ];
    events.forEach((e) => event(e));
    const response = await post('/v1/projects/acme/dry-run', events);
    expect(response.statusCode).toBe(200);
    const { journal } = response.json<{ journal: JournalEntry[] }>();
    expect(journal.map((e) => e.eventId)).toEqual(['a1', 'a2', 'b1', 'b2', 'k1']);
    const creates = (entry: JournalEntry | undefined) =>
      (entry?.operations ?? []).filter(
        (o) => o.op.startsWith('create_contact') || o.op.startsWith('create_lead'),
      ).length;
    const firstCall = creates(journal[0]) + creates(journal[1]);
    expect(firstCall).toBeGreaterThan(0);
    // The second call of the same new number finds the client the first call would have created.
    expect(creates(journal[2]) + creates(journal[3])).toBe(0);
    // Nothing written: the CRM and the store are as before.
    expect(await h.crms.get('acme')?.snapshot()).toEqual(before);
    expect((await get('/v1/projects/acme/status')).body).toBe(statusBefore);
    expect((await get('/v1/projects/acme/journal')).json()).toEqual({ entries: [], next: null });
  });

  it('refuses invalid events with 422 naming each path', async () => {
    const response = await post('/v1/projects/acme/dry-run', [
      callStarted('a1', 'c', '2026-05-04T10:00:00Z'),
      { type: 'call.paused' },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.json<{ problems: Array<{ path: string }> }>().problems).toEqual([
      expect.objectContaining({ path: '[1].type' }),
    ]);
  });
});
