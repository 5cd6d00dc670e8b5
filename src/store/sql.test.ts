import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from './rows.js';
import { inlineParams, numberPlaceholders } from './sql.js';
import { openSqlite } from './sqlite/db.js';
import { openStore } from './open.js';
import { eventMove, integrationMove } from './states.js';

describe('the query layer', () => {
  it('numbers ? placeholders for PostgreSQL, leaving quoted text alone', () => {
    expect(numberPlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND d IN (?, ?)")).toBe(
      "SELECT a FROM t WHERE b = $1 AND c = '?' AND d IN ($2, $3)",
    );
  });

  it('inlines ? parameters as literals for the simple protocol: strings quoted, numbers as they are, null as NULL, quoted text left alone', () => {
    const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
    expect(
      inlineParams(
        "UPDATE t SET a = ?, b = ? WHERE c = '?' AND d = ? AND e = ?",
        ["w'1", 1796082473967, null, -2],
        quote,
      ),
    ).toBe("UPDATE t SET a = 'w''1', b = 1796082473967 WHERE c = '?' AND d = NULL AND e = -2");
    expect(() => inlineParams('SELECT ?, ?', [1], quote)).toThrow(RangeError);
    expect(() => inlineParams('SELECT ?', [1, 2], quote)).toThrow(RangeError);
    expect(() => inlineParams('SELECT ?', [Number.NaN], quote)).toThrow(RangeError);
  });

  it('service §4: a SQLite store is a WAL file (durable commits wait for its fdatasync: sqlite.test.ts), in a directory created for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callmatrix-sql-'));
    try {
      const db = openSqlite(join(dir, 'nested', 'x.db'));
      expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      await db.exec('CREATE TABLE t (x INTEGER)');
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('service §1: openStore names what it accepts when the URL is of another kind', async () => {
    await expect(openStore('mysql://x')).rejects.toThrow(/expected sqlite:PATH or postgres/);
    await expect(openStore('sqlite:')).rejects.toThrow(/names no file/);
  });

  it('page cursors are opaque and checked', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    expect(decodeCursor(undefined)).toBe(0);
    expect(() => decodeCursor('nope')).toThrow(InvalidCursorError);
  });

  it('style §2.4: state moves are checked against the lists', () => {
    expect(eventMove('failed', 'pending')).toEqual({ ok: true });
    expect(eventMove('applied', 'pending').ok).toBe(false);
    expect(integrationMove('broken', 'active')).toEqual({ ok: true });
    expect(integrationMove('inactive', 'broken')).toEqual({
      ok: false,
      message: 'the integration cannot move from inactive to broken',
    });
  });
});
