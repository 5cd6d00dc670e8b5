import { describe, expect, it } from 'vitest';
import { CRM_IDS } from '../../src/domain/crm-id.js';
import { expectSameAsSimulate, runThroughService } from './scenario-run.js';

// Issue 14 item 1 (D4) through the service, on each CRM: the scenarios
// rules/D04-working-hours-<crm> posted over HTTP, worked off by the worker and
// written by the CRM's adapter into its emulator. A +4 h task for a missed call
// at 22:50 on Friday is due at Monday 13:00 (four working hours after the 09:00
// opening); the cell with ignoreWorkingHours gives a call-back due 15 minutes
// after a Saturday call. SQLite, and PostgreSQL with CALLMATRIX_TEST_BACKEND=postgres.

describe('working hours through the service (issue 14 item 1, D4)', () => {
  it.each(CRM_IDS)(
    '%s: due times counted in working time, and the cell that ignores them',
    async (crm) => {
      const run = await runThroughService(`rules/D04-working-hours-${crm}`);
      const due = (assignee: string) =>
        run.result.crm_state.tasks
          .filter((task) => task.assigneeId === assignee)
          .map((task) => task.dueAt && new Date(task.dueAt).toISOString());
      expect(due('u1')).toEqual(['2026-12-07T11:00:00.000Z']); // Monday 13:00 in Kyiv
      expect(due('u3')).toEqual(['2026-12-05T08:18:00.000Z']); // Saturday 10:18, working hours ignored
      expectSameAsSimulate(run);
    },
    60_000,
  );
});
