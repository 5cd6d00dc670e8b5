import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitTexts } from '../../src/crm/capabilities.js';
import { auth, harness, memoryDocument, putProject, type Harness } from './harness.js';

// Issue 11 item 2: bad settings are caught before they fail calls. Each
// employee's crmUserId must be a user of the CRM, checked when the employees
// are saved (422 naming the employee) and again at activation (409, unchanged).

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => h.close());

type Problems = { problems: Array<{ path: string; message: string }> };
const EMPLOYEES = [
  { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
  { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
];
const withTypo = [EMPLOYEES[0], { ...EMPLOYEES[1], crmUserId: 'u22' }];

describe('crmUserId checked against the CRM users (issue 11 item 2)', () => {
  it('PUT of the whole document: 422 naming the employee; nothing stored', async () => {
    const res = await putProject(h, 'acme', memoryDocument({ employees: withTypo }));
    expect(res.statusCode).toBe(422);
    expect(res.json<Problems>().problems).toEqual([
      {
        path: 'employees[1].crmUserId',
        message: expect.stringContaining(
          'employee "e2" (Petro): the CRM has no user "u22"',
        ) as string,
      },
    ]);
    expect(await h.store.getProject('acme')).toBeNull();
  });

  it('PUT …/employees: 422 with the path relative to the part; the stored employees unchanged', async () => {
    expect((await putProject(h, 'acme')).statusCode).toBe(201);
    const res = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/employees',
      headers: auth(),
      payload: withTypo,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<Problems>().problems.map((p) => p.path)).toEqual(['[1].crmUserId']);
    const got = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/employees',
      headers: auth(),
    });
    expect(got.json<Array<{ crmUserId: string }>>().map((e) => e.crmUserId)).toEqual(['u1', 'u2']);
    // The corrected list saves.
    const fixed = await h.app.inject({
      method: 'PUT',
      url: '/v1/projects/acme/employees',
      headers: auth(),
      payload: EMPLOYEES,
    });
    expect(fixed.statusCode).toBe(200);
  });

  it('activation refuses (409, state unchanged) when a user was removed from the CRM since the save', async () => {
    expect((await putProject(h, 'acme')).statusCode).toBe(201);
    const deactivate = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/integration/deactivate',
      headers: auth(),
    });
    expect(deactivate.statusCode).toBe(200);
    // The CRM loses user u2 (a manager left the company).
    const crm = h.crms.get('acme');
    const snapshot = await crm?.snapshot();
    if (!snapshot?.ok) throw new Error('no memory CRM');
    h.crms.delete('acme');
    const { MemoryCrm } = await import('../../src/crm/memory/adapter.js');
    h.crms.set(
      'acme',
      new MemoryCrm(
        'pipedrive',
        { ...snapshot.value, users: snapshot.value.users.filter((u) => u.id !== 'u2') },
        { texts: fitTexts('en') },
      ),
    );
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/integration/activate',
      headers: auth(),
      payload: { resend: true },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<Problems>().problems.map((p) => p.path)).toEqual(['employees[1].crmUserId']);
    const status = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/status',
      headers: auth(),
    });
    expect(status.json<{ integration: { state: string } }>().integration.state).toBe('inactive');
  });
});
