import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CRM_IDS } from '../domain/crm-id.js';
import { runEmulate } from './emulate.js';

// service.md §7: `callmatrix emulate CRM` prints one line of JSON as soon as it listens and runs until SIGTERM.

const CLI = fileURLToPath(new URL('../../test/crash/cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

describe('callmatrix emulate', () => {
  it('usage errors exit 2 without starting anything', async () => {
    const lines: string[] = [];
    expect(
      await runEmulate(
        ['hubspot'],
        () => undefined,
        (line) => lines.push(line),
      ),
    ).toBe(2);
    expect(
      await runEmulate(
        ['zoho', '--port', 'x'],
        () => undefined,
        (line) => lines.push(line),
      ),
    ).toBe(2);
    expect(lines[1]).toMatch(/--port/);
  });

  it.each(CRM_IDS)(
    '%s: prints { crm, baseUrl, connection }, serves /_emulator/snapshot, exits 0 on SIGTERM',
    async (crm) => {
      const child = spawn(TSX, [CLI, 'emulate', crm, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const first = await new Promise<string>((resolve) =>
        createInterface({ input: child.stdout }).once('line', resolve),
      );
      const line = JSON.parse(first) as {
        crm: string;
        baseUrl: string;
        connection: { baseUrl: string };
      };
      expect(line.crm).toBe(crm);
      expect(line.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(line.connection.baseUrl).toBe(line.baseUrl);
      const snapshot = (await (await fetch(`${line.baseUrl}/_emulator/snapshot`)).json()) as Record<
        string,
        unknown
      >;
      expect(Object.keys(snapshot)).toEqual(
        expect.arrayContaining(['users', 'contacts', 'leads', 'deals', 'tasks', 'calls']),
      );
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    },
  );
});
