import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSimulate } from './simulate.js';

// scenario-format §1: the simulate command's contract (stdout JSON, exit 2 with one line per problem).

const dir = mkdtempSync(join(tmpdir(), 'callmatrix-simulate-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function run(args: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runSimulate(
    args,
    (text) => (stdout += text),
    (line) => stderr.push(line),
  );
  return { code, stdout, stderr };
}

describe('callmatrix simulate', () => {
  it('prints { crm_state, journal } and exits 0', async () => {
    const path = file('ok.json', {
      crm: 'zoho',
      project: { defaultCountry: 'UA' },
      employees: [{ id: 'e1', name: 'Top', crmUserId: 'u1', topManager: true }],
      events: [
        {
          type: 'call.ended',
          callId: 'k1',
          at: '2026-11-20T10:00:00+02:00',
          disposition: 'missed',
          direction: 'incoming',
          from: '0671234567',
          to: '+380441234567',
        },
      ],
    });
    const { code, stdout, stderr } = await run([path]);
    expect(stderr).toEqual([]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as {
      crm_state: { leads: unknown[] };
      journal: Array<{ eventId: string; conditions: string[] }>;
    };
    expect(Object.keys(output)).toEqual(['crm_state', 'journal']);
    expect(output.crm_state.leads).toHaveLength(1);
    expect(output.journal[0]).toMatchObject({
      eventId: 'k1:call.ended:0',
      conditions: ['incoming.before_answer', 'incoming.missed'],
    });
  });

  it('a malformed scenario exits 2, one line per problem naming its JSON path, nothing on stdout', async () => {
    const path = file('bad.json', {
      crm: 'zoho',
      project: {
        fieldMap: { deal: { utm_campaign: 'Campaign_Name', pool: 'Campaign_Name' } },
        matrix: { 'incoming.missed': ['call_back'] },
      },
      events: [
        {
          type: 'call.started',
          callId: 'k1',
          at: '2026-11-20T10:00:00+02:00',
          direction: 'incoming',
          from: 5,
          to: '1',
        },
        { type: 'call.paused', callId: 'k1', at: '2026-11-20T10:00:00+02:00' },
      ],
      color: 'red',
    });
    const { code, stdout, stderr } = await run([path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toEqual(
      expect.arrayContaining([
        'project.fieldMap.deal: two parameters mapped to Campaign_Name',
        'project.matrix.incoming.missed[0].action: unknown action "call_back"',
        expect.stringMatching(/^events\[0\]\.from: /),
        'events[1].type: unknown event type "call.paused"',
        'color: unknown member of a scenario',
      ]),
    );
    expect(stderr).toHaveLength(5);
  });

  it('reads YAML scenarios too', async () => {
    const path = file(
      'ok.yaml',
      'crm: pipedrive\nevents:\n  - type: form.submitted\n    eventId: f1\n    at: "2026-11-20T10:00:00+02:00"\n    phone: "+380671234567"\n',
    );
    const { code, stdout } = await run([path]);
    expect(code).toBe(0);
    expect(
      (JSON.parse(stdout) as { crm_state: { contacts: unknown[] } }).crm_state.contacts,
    ).toHaveLength(1);
  });

  it('a file that is not JSON, or missing, exits 2 with the reason', async () => {
    expect(await run([file('broken.json', '{ "crm": ')])).toMatchObject({ code: 2, stdout: '' });
    const missing = await run([join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr[0]).toMatch(/cannot read/);
  });

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([file('x.json', {}), '--format', 'yaml'])).code).toBe(2);
  });
});
