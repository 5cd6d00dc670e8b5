import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runReplay } from '../../src/cli/replay.js';
import { pipedrive } from '../../src/engine/defaults/pipedrive.js';
import { DAY, OPERATOR_KEY, storedDay, type ReplayHarness } from './replay-harness.js';

// `callmatrix replay` against a running service (a real socket): the day of
// replay.test.ts, a matrix file, the per-call lines and the totals printed.

let h: ReplayHarness;
const dir = mkdtempSync(join(tmpdir(), 'cm-replay-cli-'));
afterEach(async () => h.close());

async function run(values: Record<string, string | boolean>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplay(
    { positionals: ['acme'], values },
    { out: (text) => out.push(text), err: (line) => err.push(line) },
  );
  return { code, out: out.join(''), err: err.join('\n') };
}

describe('callmatrix replay (issue 14 item 6)', () => {
  it('prints each call that would differ and the totals; refusals exit 1 with the reason', async () => {
    ({ h } = await storedDay());
    const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const matrix = join(dir, 'matrix.json');
    writeFileSync(
      matrix,
      JSON.stringify({ ...pipedrive.matrix, 'incoming.answered_by_responsible': [] }),
    );
    const requests = await h.crmRequests();
    const answered = await run({ ...DAY, matrix, url, key: OPERATOR_KEY });
    expect(answered).toEqual({
      code: 0,
      err: '',
      out: [
        'call ivan-am (3 events replayed):',
        '  ivan-am-3 (call.ended): - create_task "Call with the client"',
        'call ivan-pm (3 events replayed):',
        '  ivan-pm-3 (call.ended): - create_task "Call with the client"',
        '8 events of 3 calls replayed; 2 would differ: 0 operations added, 2 removed, 0 changed, 0 outcomes changed',
        '',
      ].join('\n'),
    });
    expect(await h.crmRequests()).toBe(requests);

    const json = await run({ ...DAY, url, key: OPERATOR_KEY, json: true });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ kind: 'totals', events: 8, callsDiffering: 0 });

    const refused = await run({ from: DAY.to, to: DAY.from, url, key: OPERATOR_KEY });
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toContain('400');
    expect(refused.err).toContain('body.to: must not be before `from`');
    expect((await run({ from: DAY.from, url })).code).toBe(2);
    rmSync(dir, { recursive: true, force: true });
  });
});
