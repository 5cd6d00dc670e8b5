import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRM_IDS } from '../../src/domain/crm-id.js';
import { parseScenario } from '../../src/domain/scenario.js';
import { simulate } from '../../src/sandbox/simulate.js';
import { runViaHttp } from '../../src/sandbox/via-http.js';
import { canonicalRun } from '../via-http/canonical.js';

// G15 / G4, issue 14 item 3: the scenario rules/G15-texts-name-people.json run on
// each of the four CRMs through its adapter and emulator (`simulate --via http`):
// the top manager's task names the extension and SIP login that took the call, the
// responsible manager's review task names who answered, legs name employees, and
// the texts are those `simulate` prints.

const file = join(import.meta.dirname, '..', 'scenarios', 'rules', 'G15-texts-name-people.json');
const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('texts name people on every CRM (G15, G4)', () => {
  it.each(CRM_IDS)(
    '%s',
    async (crm) => {
      const parsed = parseScenario({ ...json, crm, expect: undefined });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const { result } = await runViaHttp(parsed.value);
      const [unknown, manager, responsible] = result.crm_state.tasks;
      expect(unknown).toMatchObject({ assigneeId: 'u1', done: false });
      expect(unknown?.description).toContain(
        'Дзвінок прийняв внутрішній номер 199 / SIP-логін reception, не прив’язаний до жодного співробітника',
      );
      expect(unknown?.description).toContain('Статус: прийнятий');
      expect(manager).toMatchObject({ assigneeId: 'u3', done: true });
      expect(responsible).toMatchObject({ assigneeId: 'u2', done: false });
      expect(responsible?.description).toContain('Відповів: Maria');
      const texts = [
        ...result.crm_state.tasks.map((task) => task.description ?? ''),
        ...result.crm_state.calls.map((call) => call.description ?? ''),
      ].join('\n');
      // No CRM user id of an employee reaches a text.
      for (const user of ['u1', 'u2', 'u3']) expect(texts).not.toMatch(new RegExp(`\\b${user}\\b`));
      // The same texts as the in-memory CRM writes (owners and pipelines the CRM adds aside).
      const textsOf = (state: ReturnType<typeof canonicalRun>['crm_state']) => ({
        tasks: (state['tasks'] ?? []).map((task) => (task as { description?: string }).description),
        calls: (state['calls'] ?? []).map((call) => (call as { description?: string }).description),
      });
      const expected = canonicalRun(await simulate(parsed.value));
      expect(textsOf(canonicalRun(result).crm_state)).toEqual(textsOf(expected.crm_state));
    },
    60_000,
  );
});
