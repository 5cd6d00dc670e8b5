import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Database, sqliteDriverPackage } from './driver.js';

const require = createRequire(import.meta.url);
const nodeMajor = Number(process.versions.node.split('.')[0]);

describe('the SQLite driver', () => {
  it('is better-sqlite3 13 (Node-API) on Node 22 and later, 12 on Node 20', () => {
    const { version } = require(`${sqliteDriverPackage}/package.json`) as { version: string };
    expect(version.split('.')[0]).toBe(nodeMajor >= 22 ? '13' : '12');
  });

  it('opens a database and runs a prepared statement', () => {
    const db = new Database(':memory:');
    try {
      expect(db.prepare('select 40 + 2 as answer').get()).toEqual({ answer: 42 });
    } finally {
      db.close();
    }
  });
});
