import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretBox } from '../../src/service/crypto/load-key.js';
import {
  generateSecretKey,
  SecretBox,
  SecretKeyError,
} from '../../src/service/crypto/secret-box.js';
import { ensureOperatorKey, findKey, hashKey } from '../../src/service/auth/keys.js';
import { openStore } from '../../src/store/open.js';

describe('secrets at rest (service.md §1 CALLMATRIX_SECRET_KEY)', () => {
  const box = SecretBox.fromBase64(generateSecretKey());

  it('seals with AES-256-GCM: round-trips, and never shows the plaintext', () => {
    const sealed = box.seal('{"apiToken":"tok"}', 'acme');
    expect(sealed).not.toContain('tok');
    expect(box.open(sealed, 'acme')).toBe('{"apiToken":"tok"}');
    expect(box.seal('same', 'acme')).not.toBe(box.seal('same', 'acme'));
  });

  it('refuses another key, another project, or altered bytes', () => {
    const sealed = box.seal('secret', 'acme');
    expect(() => SecretBox.fromBase64(generateSecretKey()).open(sealed, 'acme')).toThrow(
      SecretKeyError,
    );
    expect(() => box.open(sealed, 'other')).toThrow(SecretKeyError);
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => box.open(`v1.${bytes.toString('base64')}`, 'acme')).toThrow(SecretKeyError);
    expect(() => SecretBox.fromBase64('c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('SQLite without the variable: a key file is generated once, mode 0600; PostgreSQL refuses to start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callmatrix-key-'));
    try {
      const keyFile = join(dir, 'data', 'secret.key');
      const first = await loadSecretBox({ env: undefined, databaseUrl: 'sqlite:x.db', keyFile });
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const second = await loadSecretBox({ env: undefined, databaseUrl: 'sqlite:x.db', keyFile });
      expect(second.open(first.seal('x', 'p'), 'p')).toBe('x');
      await expect(
        loadSecretBox({ env: undefined, databaseUrl: 'postgres://h/db' }),
      ).rejects.toThrow(/required with PostgreSQL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('operator key (service.md §1 CALLMATRIX_ADMIN_KEY)', () => {
  it('created once at first start when not set, stored only as its hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callmatrix-opkey-'));
    const store = await openStore(`sqlite:${join(dir, 'db.sqlite')}`);
    try {
      const key = await ensureOperatorKey(store, undefined, new Date());
      expect(key).toMatch(/^cmo_/);
      expect(await ensureOperatorKey(store, undefined, new Date())).toBeNull();
      expect((await findKey(store, key ?? ''))?.projectId).toBeNull();
      expect((await store.findApiKey(hashKey(key ?? '')))?.hash).not.toContain(key);
      await ensureOperatorKey(store, 'env-operator-key', new Date());
      expect(await findKey(store, 'env-operator-key')).not.toBeNull();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
