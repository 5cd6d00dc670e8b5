import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorize } from '../../src/service/auth/access.js';
import { auth, harness, memoryDocument, projectKey, putProject, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  await putProject(
    h,
    'alpha',
    memoryDocument({
      webhook: {
        token: 'alpha-secret-token-123',
        signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      },
    }),
  );
  await putProject(
    h,
    'beta',
    memoryDocument({
      employees: [{ id: 'b1', name: 'Beta Boss', crmUserId: 'u1', topManager: true }],
    }),
  );
});
afterEach(async () => {
  await h.close();
});

const PROJECT_PATHS = [
  '',
  '/employees',
  '/matrix',
  '/field-map',
  '/pipeline-rules',
  '/stop-list',
  '/working-hours',
  '/connection',
  '/status',
  '/journal',
  '/crm/users',
  '/events/x',
];

describe('admin authentication (service.md §3)', () => {
  it('a missing, malformed or unknown key is 401 on every admin path', async () => {
    for (const headers of [
      {},
      { authorization: 'Basic abc' },
      auth('cmo_nope'),
      auth('alpha-secret-token-123'),
    ]) {
      for (const path of PROJECT_PATHS) {
        const response = await h.app.inject({
          method: 'GET',
          url: `/v1/projects/alpha${path}`,
          headers,
        });
        expect(response.statusCode, path).toBe(401);
        expect(response.json<{ type: string }>().type).toBe('urn:callmatrix:unauthorized');
      }
    }
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/crms/zoho/default-matrix' })).statusCode,
    ).toBe(401);
  });

  it("a project key reaches its own project's endpoints", async () => {
    const key = await projectKey(h, 'alpha');
    for (const path of PROJECT_PATHS.filter((p) => p !== '/events/x')) {
      expect(
        (
          await h.app.inject({
            method: 'GET',
            url: `/v1/projects/alpha${path}`,
            headers: auth(key),
          })
        ).statusCode,
        path,
      ).toBe(200);
    }
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/v1/crms/zoho/default-matrix',
          headers: auth(key),
        })
      ).statusCode,
    ).toBe(200);
  });

  it('a project key on another project is 404, as if it did not exist, whatever the method; nothing of it in the body', async () => {
    const key = await projectKey(h, 'alpha');
    const requests = [
      ...PROJECT_PATHS.map((path) => ({ method: 'GET' as const, url: `/v1/projects/beta${path}` })),
      { method: 'PUT' as const, url: '/v1/projects/beta', payload: memoryDocument() },
      { method: 'DELETE' as const, url: '/v1/projects/beta' },
      { method: 'POST' as const, url: '/v1/projects/beta/keys' },
      { method: 'POST' as const, url: '/v1/projects/beta/integration/deactivate' },
      { method: 'GET' as const, url: '/v1/projects/beta/route?caller=%2B380671234567' },
    ];
    for (const request of requests) {
      const response = await h.app.inject({ ...request, headers: auth(key) });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
      expect(response.body).not.toContain('Beta Boss');
    }
    // An unknown project answers the very same.
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/nobody',
      headers: auth(key),
    });
    const other = await h.app.inject({
      method: 'GET',
      url: '/v1/projects/beta',
      headers: auth(key),
    });
    expect(other.body).toBe(unknown.body);
    expect((await h.store.getIntegration('beta'))?.state).toBe('active');
    expect(await h.store.getProject('beta')).not.toBeNull();
  });

  it('a project key on an operator-only endpoint of its own project is 403', async () => {
    const key = await projectKey(h, 'alpha');
    expect(
      (
        await h.app.inject({
          method: 'PUT',
          url: '/v1/projects/alpha',
          headers: auth(key),
          payload: memoryDocument(),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await h.app.inject({ method: 'DELETE', url: '/v1/projects/alpha', headers: auth(key) }))
        .statusCode,
    ).toBe(403);
    expect(
      (await h.app.inject({ method: 'POST', url: '/v1/projects/alpha/keys', headers: auth(key) }))
        .statusCode,
    ).toBe(403);
    expect(await h.store.getProject('alpha')).not.toBeNull();
  });

  it('authorize: the decision table', () => {
    expect(authorize(null, 'any', undefined)).toBe('unauthorized');
    expect(authorize({ kind: 'operator' }, 'operator', 'x')).toBeNull();
    expect(authorize({ kind: 'project', projectId: 'a' }, 'project', 'a')).toBeNull();
    expect(authorize({ kind: 'project', projectId: 'a' }, 'project', 'b')).toBe('not-found');
    expect(authorize({ kind: 'project', projectId: 'a' }, 'operator', 'b')).toBe('not-found');
    expect(authorize({ kind: 'project', projectId: 'a' }, 'operator', 'a')).toBe('forbidden');
    expect(authorize({ kind: 'project', projectId: 'a' }, 'any', undefined)).toBeNull();
  });
});
