import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/domain/plan.js';
import { callStarted, inbox } from './events.js';
import {
  acmeForEachTest,
  memoryDocument,
  projectKey,
  putProject,
  type Harness,
} from './harness.js';

// GET /v1/projects/{project}/stats (an extension of service.md for the admin
// web app's chart), through the typed client; SQLite here, PostgreSQL through
// scripts/service-suites-on-postgres.ts.

let h: Harness;
acmeForEachTest((made) => (h = made));

/** Stores an event at `at` and finishes it with `outcome`, journalled at its `at`. */
async function processed(eventId: string, at: string, outcome: 'applied' | 'skipped' | 'failed') {
  await h.store.insertEvents('acme', [inbox(callStarted(eventId, eventId, at))], h.now);
  const [claimed] = await h.store.claimEvents('w1', 1, 60_000, h.now);
  expect(claimed?.eventId).toBe(eventId);
  const entry: JournalEntry = {
    eventId,
    type: 'call.started',
    conditions: [],
    outcome,
    operations: [],
  };
  const journal = { entry, at: new Date(at), callId: eventId, phones: [] };
  if (outcome === 'failed') await h.store.fail('w1', 'acme', eventId, 'gave up', journal);
  else await h.store.complete('w1', 'acme', eventId, { outcome, journal });
}

describe('GET /v1/projects/{project}/stats', () => {
  it('counts the journal by UTC hour of the event and outcome, every hour of the last 24 present, the current one last', async () => {
    h.now = new Date('2026-05-04T12:30:00Z');
    await processed('a1', '2026-05-04T12:05:00Z', 'applied');
    await processed('a2', '2026-05-04T12:59:59Z', 'applied');
    await processed('s1', '2026-05-04T12:10:00Z', 'skipped');
    await processed('f1', '2026-05-04T09:00:00Z', 'failed');
    await processed('old', '2026-05-03T12:59:59Z', 'applied'); // the hour before the range

    const { data, response } = await h.api.GET('/v1/projects/{project}/stats', {
      params: { path: { project: 'acme' } },
    });
    expect(response.status).toBe(200);
    expect(data?.range).toBe('24h');
    expect(data?.from).toBe('2026-05-03T13:00:00.000Z');
    expect(data?.to).toBe('2026-05-04T13:00:00.000Z');
    expect(data?.hours).toHaveLength(24);
    expect(data?.hours.at(-1)).toEqual({
      hour: '2026-05-04T12:00:00.000Z',
      applied: 2,
      skipped: 1,
      failed: 0,
      crmRequests: 0,
    });
    expect(data?.hours.find((hour) => hour.hour === '2026-05-04T09:00:00.000Z')).toMatchObject({
      failed: 1,
    });
    const total = (data?.hours ?? []).reduce((n, x) => n + x.applied + x.skipped + x.failed, 0);
    expect(total).toBe(4);
  });

  it('range=7d answers 168 hours; a bad range is 400 naming it; a project key of another project 404', async () => {
    h.now = new Date('2026-05-04T12:30:00Z');
    await processed('a1', '2026-04-28T00:00:00Z', 'applied');
    const week = await h.api.GET('/v1/projects/{project}/stats', {
      params: { path: { project: 'acme' }, query: { range: '7d' } },
    });
    expect(week.data?.hours).toHaveLength(168);
    expect(week.data?.from).toBe('2026-04-27T13:00:00.000Z');
    expect(week.data?.hours.reduce((n, x) => n + x.applied, 0)).toBe(1);

    const bad = await h.api.GET('/v1/projects/{project}/stats', {
      params: { path: { project: 'acme' }, query: { range: '1y' as '7d' } },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.problems?.map((p) => p.path)).toEqual(['query.range']);

    await putProject(h, 'beta', memoryDocument());
    const other = await h.apiAs(await projectKey(h, 'beta')).GET('/v1/projects/{project}/stats', {
      params: { path: { project: 'acme' } },
    });
    expect(other.response.status).toBe(404);
  });

  it("carries the CRM requests of each hour (crmRequests), zeros included, the project's own only", async () => {
    h.now = new Date('2026-05-04T12:30:00Z');
    await putProject(h, 'beta', memoryDocument());
    await h.store.addCrmRequests([
      { projectId: 'acme', hour: new Date('2026-05-04T12:00:00Z'), requests: 40 },
      { projectId: 'acme', hour: new Date('2026-05-04T12:10:00Z'), requests: 2 },
      { projectId: 'acme', hour: new Date('2026-05-04T03:00:00Z'), requests: 5 },
      { projectId: 'acme', hour: new Date('2026-05-03T12:00:00Z'), requests: 9 }, // before the 24 h
      { projectId: 'beta', hour: new Date('2026-05-04T12:00:00Z'), requests: 1000 },
    ]);
    const { data } = await h.api.GET('/v1/projects/{project}/stats', {
      params: { path: { project: 'acme' } },
    });
    expect(data?.hours.at(-1)?.crmRequests).toBe(42);
    expect(data?.hours.find((x) => x.hour === '2026-05-04T03:00:00.000Z')?.crmRequests).toBe(5);
    expect(data?.hours.every((x) => typeof x.crmRequests === 'number')).toBe(true);
    expect(data?.hours.reduce((n, x) => n + (x.crmRequests ?? 0), 0)).toBe(47);

    const week = await h.api.GET('/v1/projects/{project}/stats', {
      params: { path: { project: 'acme' }, query: { range: '7d' } },
    });
    expect(week.data?.hours.reduce((n, x) => n + (x.crmRequests ?? 0), 0)).toBe(56);
  });
});
