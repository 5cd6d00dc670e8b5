import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureOperatorKey, findKey, hashKey } from '../../src/service/auth/keys.js';
import { openStore } from '../../src/store/open.js';
import {
  OPERATOR_KEY,
  auth,
  harness,
  memoryDocument,
  projectKey,
  putProject,
  type Harness,
} from '../admin/harness.js';

// Issue 11 item 10: operator keys can be listed and revoked (operator only), a
// changed CALLMATRIX_ADMIN_KEY revokes the key the previous value created, and
// no project (whatever its name) reaches an operator key.

describe('security: CALLMATRIX_ADMIN_KEY (issue 11 item 10)', () => {
  it('a changed CALLMATRIX_ADMIN_KEY revokes the key the previous value created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callmatrix-envkey-'));
    const store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
    try {
      const generated = await ensureOperatorKey(store, undefined, new Date());
      await ensureOperatorKey(store, 'first-admin-key-0123456789', new Date());
      await ensureOperatorKey(store, 'first-admin-key-0123456789', new Date());
      expect(await findKey(store, 'first-admin-key-0123456789')).not.toBeNull();
      await ensureOperatorKey(store, 'second-admin-key-0123456789', new Date());
      expect(await findKey(store, 'first-admin-key-0123456789')).toBeNull();
      expect(await findKey(store, 'second-admin-key-0123456789')).not.toBeNull();
      // A key the service generated (or an operator created) is not the variable's to revoke.
      expect(await findKey(store, generated ?? '')).not.toBeNull();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('security: operator keys over the API (issue 11 item 10)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
    await putProject(h, 'alpha', memoryDocument());
  });
  afterEach(async () => {
    await h.close();
  });

  const operatorKeyId = async (key = OPERATOR_KEY): Promise<string> =>
    (await h.store.findApiKey(hashKey(key)))?.id ?? 'missing';

  it('a project cannot be named "operator" (or another reserved name)', async () => {
    for (const name of ['operator', 'admin', 'system']) {
      const response = await putProject(h, name, memoryDocument());
      expect(response.statusCode, name).toBe(400);
      expect(JSON.stringify(response.json()), name).toContain('reserved');
      expect(await h.store.getProject(name)).toBeNull();
    }
  });

  it("no project's key route reaches an operator key, and key ids do not name the project", async () => {
    const id = await operatorKeyId();
    const created = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/alpha/keys',
      headers: auth(),
    });
    expect(created.json<{ id: string }>().id).not.toContain('alpha');
    const refused = await h.app.inject({
      method: 'DELETE',
      url: `/v1/projects/alpha/keys/${encodeURIComponent(id)}`,
      headers: auth(),
    });
    expect(refused.statusCode).toBe(404);
    expect(await findKey(h.store, OPERATOR_KEY)).not.toBeNull();
    // Its own key is revoked by its id.
    const own = created.json<{ id: string; key: string }>();
    const revoked = await h.app.inject({
      method: 'DELETE',
      url: `/v1/projects/alpha/keys/${own.id}`,
      headers: auth(),
    });
    expect(revoked.statusCode).toBe(204);
    expect(await findKey(h.store, own.key)).toBeNull();
  });

  it('GET /v1/operator-keys lists, POST creates, DELETE …/{id} revokes; operator only', async () => {
    const list = await h.app.inject({ method: 'GET', url: '/v1/operator-keys', headers: auth() });
    expect(list.statusCode).toBe(200);
    const keys = list.json<{ keys: Array<{ id: string; origin: string; createdAt: string }> }>()
      .keys;
    expect(keys.map((k) => k.id)).toEqual([await operatorKeyId()]);
    expect(keys[0]?.origin).toBe('environment');
    expect(JSON.stringify(list.json())).not.toContain(hashKey(OPERATOR_KEY));

    const created = await h.app.inject({
      method: 'POST',
      url: '/v1/operator-keys',
      headers: auth(),
    });
    expect(created.statusCode).toBe(201);
    const second = created.json<{ id: string; key: string }>();
    expect(second.key).toMatch(/^cmo_/);
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/operator-keys', headers: auth(second.key) }))
        .statusCode,
    ).toBe(200);

    // A project key is refused on every operator-key route.
    const pk = await projectKey(h, 'alpha');
    for (const [method, url] of [
      ['GET', '/v1/operator-keys'],
      ['POST', '/v1/operator-keys'],
      ['DELETE', `/v1/operator-keys/${second.id}`],
    ] as const)
      expect((await h.app.inject({ method, url, headers: auth(pk) })).statusCode, url).toBe(403);

    const revoked = await h.app.inject({
      method: 'DELETE',
      url: `/v1/operator-keys/${await operatorKeyId()}`,
      headers: auth(second.key),
    });
    expect(revoked.statusCode).toBe(204);
    expect(
      (await h.app.inject({ method: 'GET', url: '/v1/operator-keys', headers: auth() })).statusCode,
    ).toBe(401);
    // A project key's id is no operator key id; unknown ids are 404.
    const projectKeyIds = await h.app.inject({
      method: 'POST',
      url: '/v1/projects/alpha/keys',
      headers: auth(second.key),
    });
    for (const id of [projectKeyIds.json<{ id: string }>().id, 'nope'])
      expect(
        (
          await h.app.inject({
            method: 'DELETE',
            url: `/v1/operator-keys/${id}`,
            headers: auth(second.key),
          })
        ).statusCode,
      ).toBe(404);
    // The last operator key cannot be revoked through the API: nobody could administer the service.
    const last = await h.app.inject({
      method: 'DELETE',
      url: `/v1/operator-keys/${second.id}`,
      headers: auth(second.key),
    });
    expect(last.statusCode).toBe(409);
    expect(await findKey(h.store, second.key)).not.toBeNull();
  });
});
