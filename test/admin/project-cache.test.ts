import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/service/admin/document.js';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { SecretBox, generateSecretKey } from '../../src/service/crypto/secret-box.js';
import type { Store } from '../../src/store/store.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

// Issue 10 item 5: per-request project reads come from the cache, checked
// against the stored version alone (getProjectVersion), not a read and parse of the row.

/** The store, counting the calls the cache makes. */
function counting(store: Store): { store: Store; calls: { row: number; version: number } } {
  const calls = { row: 0, version: 0 };
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'getProject') calls.row += 1;
      if (name === 'getProjectVersion') calls.version += 1;
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { store: wrapped, calls };
}

const document = (token: string) => {
  const parsed = parseDocument({
    crm: 'pipedrive',
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    employees: [],
    connection: { kind: 'memory' },
    webhook: { token, signingSecret: 'whsec_MTIzNDU2Nzg5MDEyMzQ1Ng==' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
};

describe('ProjectStore cache', () => {
  let opened: TestStore | null = null;
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  it('reads the row once per version; each load checks the version alone and sees another writer at once', async () => {
    opened = await openTestStore('project_cache');
    const box = SecretBox.fromBase64(generateSecretKey());
    const { store, calls } = counting(opened.store);
    const projects = new ProjectStore(store, box);
    const other = new ProjectStore(opened.store, box);
    await other.save('acme', document('tok_one_123456789'), new Date());
    for (let i = 0; i < 5; i += 1)
      expect((await projects.get('acme'))?.webhook.token).toBe('tok_one_123456789');
    expect(calls).toEqual({ row: 1, version: 4 });
    await other.save('acme', document('tok_two_123456789'), new Date());
    expect((await projects.get('acme'))?.webhook.token).toBe('tok_two_123456789');
    expect(calls).toEqual({ row: 2, version: 5 });
  });

  it("with trustMs (serve's HTTP side) a checked version is not asked again within it; its own save is seen at once", async () => {
    opened = await openTestStore('project_cache');
    const box = SecretBox.fromBase64(generateSecretKey());
    const { store, calls } = counting(opened.store);
    let now = 0;
    const projects = new ProjectStore(store, box, 1000, 1_000, () => now);
    await projects.save('acme', document('tok_one_123456789'), new Date());
    await projects.get('acme');
    await projects.get('acme');
    now = 999;
    await projects.get('acme');
    expect(calls).toEqual({ row: 1, version: 0 });
    now = 1_000;
    await projects.get('acme');
    expect(calls.version).toBe(1);
    await projects.save('acme', document('tok_two_123456789'), new Date());
    expect((await projects.get('acme'))?.webhook.token).toBe('tok_two_123456789');
  });
});
