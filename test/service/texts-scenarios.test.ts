import { describe, expect, it } from 'vitest';
import { expectSameAsSimulate, runThroughService } from './scenario-run.js';

// Issue 14 item 3 (G15, G4) through the service, on each CRM: the scenarios
// rules/G15-texts-name-people* posted over HTTP, worked off by the worker and
// written by the CRM's adapter into its emulator. The texts that land name
// people (the extension and SIP login linked to no employee, who answered, the
// legs), carry dispositions, the channel and analytics keys in the project's
// language, and name no CRM user by id. SQLite, and PostgreSQL with
// CALLMATRIX_TEST_BACKEND=postgres.

const SCENARIOS = [
  ['rules/G15-texts-name-people', 'Дзвінок прийняв внутрішній номер 199 / SIP-логін reception'],
  [
    'rules/G15-texts-name-people-zoho',
    'Połączenie odebrał(a) numer wewnętrzny 199 / login SIP reception',
  ],
  [
    'rules/G15-texts-name-people-retailcrm',
    'Звонок принял внутренний номер 199 / SIP-логин reception',
  ],
  [
    'rules/G15-texts-name-people-pipedrive',
    'Połączenie odebrał(a) numer wewnętrzny 199 / login SIP reception',
  ],
  [
    'rules/G15-texts-name-people-salesforce',
    'Дзвінок прийняв внутрішній номер 199 / SIP-логін reception',
  ],
] as const;

describe('texts name people, through the service (issue 14 item 3, G15)', () => {
  it.each(SCENARIOS)(
    '%s',
    async (name, unknownTaker) => {
      const run = await runThroughService(name);
      const { tasks, comments, calls } = run.result.crm_state;
      const top = tasks.find((task) => task.description?.includes(unknownTaker));
      expect(top?.assigneeId).toBe('u1');
      const texts = [
        ...tasks.flatMap((task) => [task.title, task.description ?? '']),
        ...comments.map((comment) => comment.text),
        ...calls.map((call) => call.description ?? ''),
      ].join('\n');
      expect(texts).toContain('Maria');
      // No CRM user id, the scenario's or the one the CRM gave the user (retailCRM's and
      // Pipedrive's emulators number users 1, 2, 3…: digits any time or phone has, not checked).
      for (const [user, native] of Object.entries(run.nativeUsers)) {
        for (const id of [user, native].filter((id) => !/^\d{1,3}$/.test(id)))
          expect(texts).not.toMatch(new RegExp(`(^|\\W)${id}($|\\W)`));
      }
      expect(Object.keys(run.nativeUsers)).toContain('u3');
      expectSameAsSimulate(run);
    },
    60_000,
  );
});
