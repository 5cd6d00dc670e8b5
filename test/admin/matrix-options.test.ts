import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, harness, memoryDocument, putProject, type Harness } from './harness.js';

// Issue 14 item 5 over HTTP: the matrix options the seeds have (the messenger field map's
// slots, G11; the analytics destination, G12) are validated on save, 422 naming the field.

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

type Problems = { problems: Array<{ path: string; message: string }> };

const withProject = (project: Record<string, unknown>) =>
  memoryDocument({ project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', ...project } });

describe('PUT /v1/projects/{project}: messengerFieldMap and analyticsDestination', () => {
  it('refuses an unknown slot, a slot no dialog has, a CRM field used twice and an unknown destination (422 naming each), storing nothing', async () => {
    const response = await putProject(
      h,
      'acme',
      withProject({
        messengerFieldMap: {
          lead: { sauce: 'Chat_Channel', source: 'Chat' },
          deal: { call_duration: 'Talk' },
        },
        analyticsDestination: 'sms',
      }),
    );
    expect(response.statusCode).toBe(422);
    const problems = response.json<Problems>().problems;
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      'project.analyticsDestination',
      'project.messengerFieldMap.deal.call_duration',
      'project.messengerFieldMap.lead.sauce',
    ]);
    const message = (path: string) => problems.find((problem) => problem.path === path)?.message;
    expect(message('project.messengerFieldMap.lead.sauce')).toMatch(
      /^unknown messenger slot "sauce"/,
    );
    expect(message('project.analyticsDestination')).toBe(
      'expected one of deal, call, both, got "sms"',
    );
    expect(await h.store.getProject('acme')).toBeNull();

    const twice = await putProject(
      h,
      'acme',
      withProject({ messengerFieldMap: { lead: { source: 'Chat', client_name: 'Chat' } } }),
    );
    expect(twice.statusCode).toBe(422);
    expect(twice.json<Problems>().problems).toEqual([
      {
        path: 'project.messengerFieldMap.lead.client_name',
        message: 'the CRM field Chat is already the target of source: one field per slot',
      },
    ]);
    expect(await h.store.getProject('acme')).toBeNull();
  });

  it('keeps unbound slots (null) and the destination as saved', async () => {
    const messengerFieldMap = {
      contact: { source: null, client_name: null, client_phone: null },
      lead: { source: 'Chat_Channel', client_name: null, client_phone: null },
    };
    const saved = await putProject(
      h,
      'acme',
      withProject({ messengerFieldMap, analyticsDestination: 'call' }),
    );
    expect(saved.statusCode).toBe(201);
    const got = await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth() });
    expect(got.json<{ project: Record<string, unknown> }>().project).toMatchObject({
      messengerFieldMap,
      analyticsDestination: 'call',
    });
  });
});
