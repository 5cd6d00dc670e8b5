import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callStarted, inbox } from './events.js';
import { harness, memoryDocument, projectKey, putProject, type Harness } from './harness.js';

// GET /v1/projects (an extension of service.md for the admin web app), driven
// through the typed client; on SQLite here and on PostgreSQL through
// scripts/service-suites-on-postgres.ts.

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

const at = (iso: string) => new Date(iso);

describe('GET /v1/projects', () => {
  it('lists each project with its health: integration, pending / failed / held, oldest pending, index, last event', async () => {
    // acme has a connection (active); beta has none (inactive: its events are held); gamma is empty.
    expect((await putProject(h, 'acme')).statusCode).toBe(201);
    expect((await putProject(h, 'beta', memoryDocument({ connection: null }))).statusCode).toBe(
      201,
    );
    expect((await putProject(h, 'gamma')).statusCode).toBe(201);

    await h.store.insertEvents(
      'acme',
      [inbox(callStarted('ev1', 'c1', '2026-05-04T11:00:00Z'))],
      at('2026-05-04T12:00:00Z'),
    );
    const [claimed] = await h.store.claimEvents('w1', 1, 60_000, h.now);
    expect(claimed?.eventId).toBe('ev1');
    await h.store.fail('w1', 'acme', 'ev1', 'CRM said 400');
    await h.store.insertEvents(
      'acme',
      [inbox(callStarted('ev2', 'c2', '2026-05-04T11:01:00Z'))],
      at('2026-05-04T12:00:30Z'),
    );
    await h.store.insertEvents(
      'beta',
      [
        inbox(callStarted('b1', 'c3', '2026-05-04T11:02:00Z')),
        inbox(callStarted('b2', 'c4', '2026-05-04T11:03:00Z')),
      ],
      at('2026-05-04T12:01:00Z'),
    );
    h.now = at('2026-05-04T12:02:00Z');

    const { data, response } = await h.api.GET('/v1/projects');
    expect(response.status).toBe(200);
    expect(data?.next).toBeNull();
    expect(data?.projects.map((p) => p.id)).toEqual(['acme', 'beta', 'gamma']);
    const [acme, beta, gamma] = data?.projects ?? [];
    expect(acme).toEqual({
      id: 'acme',
      crm: 'pipedrive',
      integration: { state: 'active', since: '2026-05-04T12:00:00.000Z', reason: null },
      events: { pending: 1, failed: 1, held: 0 },
      oldestPendingAt: '2026-05-04T12:00:30.000Z',
      oldestPendingAgeSec: 90,
      index: { state: 'loading' },
      lastEventAt: '2026-05-04T12:00:30.000Z',
    });
    expect(beta).toMatchObject({
      integration: { state: 'inactive' },
      events: { pending: 2, failed: 0, held: 2 },
      oldestPendingAt: '2026-05-04T12:01:00.000Z',
      oldestPendingAgeSec: 60,
      lastEventAt: '2026-05-04T12:01:00.000Z',
    });
    expect(gamma).toMatchObject({
      events: { pending: 0, failed: 0, held: 0 },
      oldestPendingAt: null,
      oldestPendingAgeSec: null,
      lastEventAt: null,
    });
  });

  it('the last event counts whatever its state: a failed one alone is the last', async () => {
    await putProject(h, 'acme');
    await h.store.insertEvents(
      'acme',
      [inbox(callStarted('ev1', 'c1', '2026-05-04T11:00:00Z'))],
      at('2026-05-04T11:59:05Z'),
    );
    const [claimed] = await h.store.claimEvents('w1', 1, 60_000, h.now);
    expect(claimed?.eventId).toBe('ev1');
    await h.store.fail('w1', 'acme', 'ev1', 'gave up');
    const { data } = await h.api.GET('/v1/projects');
    expect(data?.projects[0]).toMatchObject({
      events: { pending: 0, failed: 1, held: 0 },
      oldestPendingAt: null,
      lastEventAt: '2026-05-04T11:59:05.000Z',
    });
  });

  it('pages by id with limit and cursor', async () => {
    for (const id of ['c-3', 'a-1', 'b-2', 'd-4', 'e-5']) await putProject(h, id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { data } = await h.api.GET('/v1/projects', {
        params: { query: { limit: 2, ...(cursor !== undefined && { cursor }) } },
      });
      seen.push(...(data?.projects.map((p) => p.id) ?? []));
      cursor = data?.next ?? undefined;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(seen).toEqual(['a-1', 'b-2', 'c-3', 'd-4', 'e-5']);
    expect(pages).toBe(3);
  });

  it('is operator-only (a project key is 403, no key 401); a bad limit is 400 naming it', async () => {
    await putProject(h, 'acme');
    const key = await projectKey(h, 'acme');
    expect((await h.apiAs(key).GET('/v1/projects')).response.status).toBe(403);
    expect((await h.apiAs().GET('/v1/projects')).response.status).toBe(401);
    const bad = await h.api.GET('/v1/projects', { params: { query: { limit: 0 } } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.problems?.map((p) => p.path)).toEqual(['query.limit']);
  });
});
