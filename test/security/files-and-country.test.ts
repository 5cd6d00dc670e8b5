import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectSettingsSchema } from '../../src/domain/project.js';
import { openStore } from '../../src/store/open.js';

// Issue 11 item 13: the SQLite file holds phone numbers, so only its owner may
// read it; a project's defaultCountry must be a region libphonenumber knows.

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('security: SQLite files and the default country (issue 11 item 13)', () => {
  const root = mkdtempSync(join(tmpdir(), 'callmatrix-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the data directory 0700 and the database, its WAL and shared memory 0600', async () => {
    const dir = join(root, 'data');
    const file = join(dir, 'callmatrix.db');
    const store = await openStore(`sqlite:${file}`);
    try {
      // A write so the WAL exists whatever the migrations left.
      await store.createApiKey({ id: 'k', projectId: null, hash: 'h', now: new Date() });
      expect(mode(dir)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('refuses a defaultCountry that is no region code, naming the field', () => {
    for (const bad of ['XX', 'ZZ', 'EU', 'UK']) {
      const parsed = ProjectSettingsSchema.safeParse({ defaultCountry: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['defaultCountry']);
      expect(parsed.error?.issues[0]?.message).toContain(bad);
    }
    for (const good of ['UA', 'GB', 'US', 'DE'])
      expect(ProjectSettingsSchema.safeParse({ defaultCountry: good }).success, good).toBe(true);
  });
});
