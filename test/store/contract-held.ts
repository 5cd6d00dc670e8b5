import { expect, it } from 'vitest';
import {
  activeProject,
  at,
  callEvent,
  closedAfterEach,
  drain,
  journalOf,
  T0,
  type FreshStore,
} from './contract.js';

// Contract cases: retry scheduling, the dead letter and the G10 resend of held
// events (service §5, G10).

export function heldCases(fresh: FreshStore): void {
  const open = closedAfterEach(fresh);

  it('retry scheduling: a retried event waits for its next attempt, keeps its error; release does not count an attempt', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.insertEvents(project, [callEvent('e1', 'c1'), callEvent('e2', 'c1')], T0);
    await store.claimEvents('w', 1, 60_000, T0);
    expect(await store.scheduleRetry('w', project, 'e1', 'CRM 503', at(5_000))).toBe(true);
    expect(await store.claimEvents('w', 10, 60_000, at(4_999))).toEqual([]);
    const later = await store.claimEvents('w', 10, 60_000, at(5_000));
    expect(later.map((e) => [e.eventId, e.attempts, e.lastError])).toEqual([['e1', 2, 'CRM 503']]);
    expect(await store.release('w', project, 'e1')).toBe(true);
    expect(await store.release('w', project, 'e1')).toBe(false);
    expect((await store.getEvent(project, 'e1'))?.event).toMatchObject({
      attempts: 1,
      claimedBy: null,
      state: 'pending',
    });
    expect(await store.scheduleRetry('w', project, 'e1', 'not mine', at(9_000))).toBe(false);
  });

  it('dead letter: a failed event is listed with its error and journal, and retry puts it back to pending', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.insertEvents(
      project,
      [callEvent('e1', 'c1'), callEvent('e2', 'c2'), callEvent('e3', 'c3')],
      T0,
    );
    for (const item of await store.claimEvents('w', 10, 60_000, T0)) {
      await store.fail(
        'w',
        project,
        item.eventId,
        `gave up on ${item.eventId}`,
        journalOf(item.eventId, { outcome: 'failed' }),
      );
    }
    const page1 = await store.listFailed(project, 2);
    expect(page1.events.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    const page2 = await store.listFailed(project, 2, page1.next ?? undefined);
    expect(page2).toMatchObject({ events: [{ eventId: 'e3' }], next: null });
    const detail = await store.getEvent(project, 'e2');
    expect(detail?.event).toMatchObject({
      state: 'failed',
      lastError: 'gave up on e2',
      attempts: 1,
    });
    expect(detail?.journal).toMatchObject({
      eventId: 'e2',
      outcome: 'failed',
      at: T0.toISOString(),
    });
    expect(await store.retry(project, 'e2', T0)).toBe(true);
    expect(await store.retry(project, 'e2', T0)).toBe(false);
    expect(await store.retry(project, 'missing', T0)).toBe(false);
    expect((await store.getEvent(project, 'e2'))?.event).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
    expect(await store.countEvents(project)).toEqual({
      pending: 1,
      applied: 0,
      skipped: 0,
      failed: 2,
      expired: 0,
    });
    expect(await drain(store, project)).toEqual(['e2']);
  });

  it('G10: resend keeps the calls that started inside the window (calendar days in the project zone); older calls expire whole', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    // now = 2026-03-10 12:00 in Kyiv (UTC+2); a 3-day window starts on 2026-03-08 Kyiv time.
    const kyiv = { timezone: 'Europe/Kyiv', windowDays: 3, now: T0 };
    await store.insertEvents(project, [callEvent('old-1', 'old', '2026-03-07T21:30:00Z')], T0);
    await drain(store, project); // the old call's first event went out before the break
    await store.moveIntegration(project, 'broken', 'token revoked', T0);
    await store.insertEvents(
      project,
      [
        callEvent('old-2', 'old', '2026-03-09T08:00:00Z'), // its call began 2026-03-07 23:30 Kyiv: expired with it
        callEvent('edge-1', 'edge', '2026-03-07T22:30:00Z'), // 2026-03-08 00:30 Kyiv: inside, though the 7th in UTC
        callEvent('edge-2', 'edge', '2026-03-10T09:00:00Z'),
        callEvent('late-1', 'late', '2026-03-07T21:59:00Z'), // 2026-03-07 23:59 Kyiv: outside
        callEvent('today-1', 'today', '2026-03-10T08:00:00Z'),
      ],
      T0,
    );
    expect(await store.resolveHeld(project, { resend: true, ...kyiv })).toEqual({
      kept: 3,
      expired: 2,
      skipped: 0,
      keptCalls: 2, // edge and today
      expiredCalls: 2, // old and late
    });
    expect((await store.getEvent(project, 'old-2'))?.event.state).toBe('expired');
    expect((await store.getEvent(project, 'late-1'))?.event.state).toBe('expired');
    await store.moveIntegration(project, 'active', null, T0);
    expect(await drain(store, project)).toEqual(['edge-1', 'today-1', 'edge-2']);
  });

  it('G10: without resend every held event is skipped; a project with nothing held changes nothing', async () => {
    const { store } = await open();
    const project = await activeProject(store);
    await store.moveIntegration(project, 'inactive', 'operator', T0);
    await store.insertEvents(
      project,
      [callEvent('a1', 'A'), callEvent('a2', 'A'), callEvent('b1', 'B')],
      T0,
    );
    const input = { resend: false, timezone: 'UTC', windowDays: 3, now: T0 };
    const none = { kept: 0, expired: 0, keptCalls: 0, expiredCalls: 0 };
    expect(await store.resolveHeld(project, input)).toEqual({ ...none, skipped: 3 });
    expect(await store.resolveHeld(project, input)).toEqual({ ...none, skipped: 0 });
    expect(await store.countEvents(project)).toMatchObject({ pending: 0, skipped: 3 });
  });
}
