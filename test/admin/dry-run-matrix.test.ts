import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/domain/plan.js';
import { callMissed, callStarted } from './events.js';
import { acmeForEachTest, auth, type Harness } from './harness.js';

// POST …/dry-run with `{ events, matrix }` (an extension of service.md for the admin web app's
// "what would happen"): the events run on the unsaved matrix; nothing is saved. On SQLite here and
// on PostgreSQL through scripts/service-suites-on-postgres.ts.

let h: Harness;
acmeForEachTest((made) => (h = made));

const post = (payload: unknown) =>
  h.app.inject({
    method: 'POST',
    url: '/v1/projects/acme/dry-run',
    headers: auth(),
    payload: payload as object,
  });
const missedCall = [
  callStarted('m1', 'call-m', '2026-05-04T10:00:00Z'),
  callMissed('m2', 'call-m', '2026-05-04T10:00:30Z'),
];
const ops = (journal: JournalEntry[]) =>
  journal.flatMap((entry) => entry.operations.map((o) => o.op));

describe('POST …/dry-run with an unsaved matrix', () => {
  it('runs the events on the matrix sent, not the saved one, and saves nothing', async () => {
    const saved = await post(missedCall);
    expect(saved.statusCode).toBe(200);
    const onSaved = saved.json<{ journal: JournalEntry[] }>().journal;
    // Pipedrive's default matrix makes a person and a deal for a missed call from a new number.
    expect(ops(onSaved)).toContain('create_deal');

    const tried = await post({
      events: missedCall,
      matrix: { 'incoming.missed': [{ action: 'task_top_manager', title: 'Call back' }] },
    });
    expect(tried.statusCode).toBe(200);
    const onTried = tried.json<{ journal: JournalEntry[] }>().journal;
    expect(ops(onTried)).not.toContain('create_deal');
    expect(onTried[1]?.conditions).toContain('incoming.missed');

    const matrix = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/matrix',
      headers: auth(),
    });
    expect(matrix.json<Record<string, unknown>>()['incoming.missed']).not.toEqual([
      { action: 'task_top_manager', title: 'Call back' },
    ]);
  });

  it('refuses an invalid matrix or events with 422, each problem naming its path', async () => {
    const response = await post({
      events: [callStarted('a1', 'c', '2026-05-04T10:00:00Z'), { type: 'call.paused' }],
      matrix: { 'incoming.missed': [{ action: 'create_deal', done: true }] },
      extra: 1,
    });
    expect(response.statusCode).toBe(422);
    const paths = response
      .json<{ problems: Array<{ path: string }> }>()
      .problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['extra', 'events[1].type', expect.stringMatching(/^matrix\./)]),
    );
  });
});
