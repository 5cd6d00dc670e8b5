import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, harness, putProject, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

// The admin API's reads of a project's CRM and its API keys (service.md §2); the
// project document and its parts are in projects.test.ts.

describe('CRM reads and keys (service.md §2)', () => {
  it('GET /v1/crms/{crm}/default-matrix for each CRM; unknown CRM 404', async () => {
    for (const crm of ['zoho', 'retailcrm', 'pipedrive', 'salesforce']) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/v1/crms/${crm}/default-matrix`,
        headers: auth(),
      });
      expect(response.statusCode).toBe(200);
      expect(Object.keys(response.json<object>()).length).toBeGreaterThan(0);
    }
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/v1/crms/hubspot/default-matrix',
          headers: auth(),
        })
      ).statusCode,
    ).toBe(404);
  });

  it('GET …/crm/users reads the connected CRM; pipelines and fields say the adapter lacks them (501)', async () => {
    await putProject(h, 'acme');
    const users = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/acme/crm/users',
      headers: auth(),
    });
    expect(users.json()).toEqual({
      users: [
        { id: 'u1', name: 'Olena Top' },
        { id: 'u2', name: 'Petro' },
      ],
    });
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/v1/projects/acme/crm/pipelines',
          headers: auth(),
        })
      ).statusCode,
    ).toBe(501);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/v1/projects/acme/crm/fields?entity=deal',
          headers: auth(),
        })
      ).statusCode,
    ).toBe(501);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/v1/projects/acme/crm/fields?entity=ticket',
          headers: auth(),
        })
      ).statusCode,
    ).toBe(400);
  });

  it('POST …/keys → 201 { key }; the key is stored only as a hash; DELETE …/keys/{id} revokes it', async () => {
    await putProject(h, 'acme');
    const created = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/acme/keys',
      headers: auth(),
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json<{ key: string; id: string }>();
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth(key) }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `/v1/projects/acme/keys/${id}`,
          headers: auth(),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth(key) }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await h.app.inject({
          method: 'DELETE',
          url: `/v1/projects/acme/keys/${id}`,
          headers: auth(),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ method: 'POST', url: '/v1/projects/nobody/keys', headers: auth() }))
        .statusCode,
    ).toBe(404);
  });
});
