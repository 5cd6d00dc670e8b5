import { describe, expect, it } from 'vitest';
import { RequestTally } from './request-tally.js';

// The in-memory side of a project's CRM requests per hour.

describe('RequestTally', () => {
  it('counts per project and UTC hour; a drain empties it; restored counts add to new ones', () => {
    let now = Date.parse('2026-05-04T12:59:59.999Z');
    const tally = new RequestTally(() => now);
    const acme = tally.counterFor('acme');
    acme.count();
    acme.count();
    tally.counterFor('beta').count();
    now = Date.parse('2026-05-04T13:00:00Z');
    acme.count();
    const drained = tally.drain();
    expect(drained).toEqual(
      expect.arrayContaining([
        { projectId: 'acme', hour: new Date('2026-05-04T12:00:00Z'), requests: 2 },
        { projectId: 'acme', hour: new Date('2026-05-04T13:00:00Z'), requests: 1 },
        { projectId: 'beta', hour: new Date('2026-05-04T12:00:00Z'), requests: 1 },
      ]),
    );
    expect(drained).toHaveLength(3);
    expect(tally.drain()).toEqual([]);

    acme.count();
    tally.restore(drained);
    const again = tally.drain();
    expect(again).toContainEqual({
      projectId: 'acme',
      hour: new Date('2026-05-04T13:00:00Z'),
      requests: 2,
    });
    expect(again.reduce((sum, row) => sum + row.requests, 0)).toBe(5);
  });
});
