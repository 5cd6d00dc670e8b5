import type { CrmId } from '../src/domain/crm-id.js';
import { parseScenario, type Scenario } from '../src/domain/scenario.js';
import { BENCH_EMPLOYEES, callLifecycles, existingClients, newDraw } from './call-mix.js';

// A working day of calls for `npm run bench:crm`, with the mix of bench/engine.ts
// (bench/call-mix.ts): calls every 30 s from 09:00 Kyiv time, their events
// written in full (durations, recordings). Deterministic, so runs compare.

export const DAY_MIX =
  '70% existing clients; 15% outgoing; ~20% of incoming missed / voicemail (4:1); 10% of calls transferred once; the rest answered';

export function dayScenario(crm: CrmId, calls: number, clients: number): Scenario {
  const draw = newDraw();
  const { contacts, deals } = existingClients(clients, draw, { dealNames: true });
  const events = [
    ...callLifecycles(calls, clients, draw, {
      start: Date.UTC(2026, 10, 20, 7),
      everySec: 30,
      full: true,
    }),
  ];
  const parsed = parseScenario({
    crm,
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    employees: BENCH_EMPLOYEES,
    crm_state: {
      users: BENCH_EMPLOYEES.map((employee) => ({ id: employee.crmUserId, name: employee.name })),
      contacts,
      deals,
    },
    events,
  });
  if (!parsed.ok)
    throw new Error(
      parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'),
    );
  return parsed.value;
}
