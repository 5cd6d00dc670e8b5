import { describe, expect, it } from 'vitest';
import { closedAfterEach, type FreshStore } from './contract.js';

// A project's CRM requests per hour (migration 13): batches add up per hour,
// from several processes too; a deleted project's counts go with it.

export function crmRequestCases(fresh: FreshStore): void {
  const open = closedAfterEach(fresh);
  const hour = (iso: string) => new Date(iso);

  describe('CRM requests per hour', () => {
    it('adds batches per project and hour (a time inside an hour counts for it), from two processes; reads a range', async () => {
      const fresh = await open();
      const { store } = fresh;
      const now = new Date('2026-05-04T12:00:00Z');
      for (const id of ['acme', 'beta'])
        await store.putProject({ id, crm: 'pipedrive', document: {}, secrets: '{}', now });
      await store.addCrmRequests([
        { projectId: 'acme', hour: hour('2026-05-04T11:00:00Z'), requests: 3 },
        { projectId: 'acme', hour: hour('2026-05-04T12:00:00Z'), requests: 2 },
        { projectId: 'beta', hour: hour('2026-05-04T12:00:00Z'), requests: 7 },
      ]);
      const second = await fresh.another();
      await second.addCrmRequests([
        { projectId: 'acme', hour: hour('2026-05-04T12:34:56Z'), requests: 5 },
        { projectId: 'acme', hour: hour('2026-05-04T09:00:00Z'), requests: 0 },
      ]);
      const counts = await store.countCrmRequestsByHour(
        'acme',
        hour('2026-05-04T10:00:00Z'),
        hour('2026-05-04T13:00:00Z'),
      );
      expect(counts).toEqual([
        { projectId: 'acme', hour: hour('2026-05-04T11:00:00Z'), requests: 3 },
        { projectId: 'acme', hour: hour('2026-05-04T12:00:00Z'), requests: 7 },
      ]);
      // [from, to): the hour at `to` is left out.
      expect(
        await store.countCrmRequestsByHour(
          'acme',
          hour('2026-05-04T11:00:00Z'),
          hour('2026-05-04T12:00:00Z'),
        ),
      ).toEqual([{ projectId: 'acme', hour: hour('2026-05-04T11:00:00Z'), requests: 3 }]);
    });

    it('skips counts of a project that does not exist; deleting a project deletes its counts', async () => {
      const { store } = await open();
      const now = new Date('2026-05-04T12:00:00Z');
      await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '{}', now });
      await store.addCrmRequests([
        { projectId: 'gone', hour: now, requests: 4 },
        { projectId: 'acme', hour: now, requests: 1 },
      ]);
      const range = [hour('2026-05-04T00:00:00Z'), hour('2026-05-05T00:00:00Z')] as const;
      expect(await store.countCrmRequestsByHour('gone', ...range)).toEqual([]);
      expect(await store.deleteProject('acme')).toBe(true);
      await store.putProject({ id: 'acme', crm: 'zoho', document: {}, secrets: '{}', now });
      expect(await store.countCrmRequestsByHour('acme', ...range)).toEqual([]);
    });
  });
}
