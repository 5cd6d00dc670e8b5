import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/domain/scenario.js';
import { simulate } from '../src/sandbox/simulate.js';

// Every scenario file under test/scenarios runs through `simulate`; its `expect`
// member is matched against the output: objects partially, arrays whole (same length).

const root = join(import.meta.dirname, 'scenarios');

interface Expectation {
  readonly crm_state?: Record<string, unknown>;
  readonly journal?: unknown[];
  /** Texts that must appear in a record's text field: `{ "tasks[0].description": ["https://…"] }`. */
  readonly contains?: Record<string, string[]>;
}

function pick(value: unknown, path: string): unknown {
  return path.split(/\.|(?=\[)/).reduce<unknown>((node, part) => {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) return (node as unknown[] | undefined)?.[Number(index[1])];
    return (node as Record<string, unknown> | undefined)?.[part];
  }, value);
}

for (const folder of readdirSync(root)) {
  describe(folder, () => {
    for (const file of readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const json = JSON.parse(readFileSync(join(root, folder, file), 'utf8')) as {
        description?: string;
        expect?: Expectation;
      };
      const id = file.replace(/\.json$/, '');
      it(`${id}: ${json.description ?? ''}`, async () => {
        const parsed = parseScenario(json);
        if (!parsed.ok)
          throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
        const result = await simulate(parsed.value);
        const expectation = json.expect ?? {};
        expect(
          Object.keys(expectation).length,
          'a scenario without expectations proves nothing',
        ).toBeGreaterThan(0);
        if (expectation.crm_state) expect(result.crm_state).toMatchObject(expectation.crm_state);
        if (expectation.journal) expect(result.journal).toMatchObject(expectation.journal);
        for (const [path, texts] of Object.entries(expectation.contains ?? {})) {
          const text = pick(result, path);
          expect(typeof text, `${path} is a text`).toBe('string');
          for (const part of texts) expect(text as string).toContain(part);
        }
      });
    }
  });
}
