import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 12 item 2: the README's quick start, run as written in a fresh folder.
// Two substitutions only: a free port for 8080 (PORT for serve), and `npx callmatrix` runs the
// CLI from source (the same main() the built bin runs). Each command's output
// is checked against the `# →` answer the README gives for it.

const repo = join(import.meta.dirname, '..', '..');
/** tsx's loader by URL: the fresh folder has no node_modules to resolve `tsx` from. */
const TSX_LOADER = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** The ```sh block after the quick-start marker, one command per entry (continuation lines joined). */
export function quickStart(readme: string): string[] {
  const after = readme.split('<!-- quick-start:')[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(after)?.[1] ?? '';
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

const expected = (command: string): string | undefined => /# → (.*)$/.exec(command)?.[1];

describe('README quick start', () => {
  const commands = quickStart(readFileSync(join(repo, 'README.md'), 'utf8'));

  it('is found: start, wait, PUT, POST, journal, stop', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    expect(commands.some((c) => c.startsWith('npx callmatrix serve'))).toBe(true);
    expect(commands.at(-1)).toMatch(/^kill %1/);
  });

  it('runs as written against a fresh data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callmatrix-readme-'));
    cpSync(join(repo, 'examples'), join(dir, 'examples'), { recursive: true });
    // Run from source, serve's worker thread loads tsx by name from the working directory.
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const port = String(await freePort());
    // Each command, then a marker line, so every answer can be told apart.
    const script = [
      'set -e',
      // Should a command fail, the service started in the background goes too.
      "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT",
      `npx() { if [ "$1" = callmatrix ]; then shift; exec node --import ${TSX_LOADER} ${JSON.stringify(join(repo, 'test/crash/cli.ts'))} "$@"; fi; command npx "$@"; }`,
      ...commands.flatMap((command, index) => [
        command.replaceAll('8080', port),
        `echo; echo "<<<${index}>>>"`,
      ]),
      'wait',
    ].join('\n');
    writeFileSync(join(dir, 'quick-start.sh'), script);
    const run = spawnSync('bash', ['quick-start.sh'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 150_000,
      env: { ...process.env, PORT: port },
    });
    expect(run.status, `${run.stderr}\n${readLog(dir)}`).toBe(0);
    const answers = run.stdout.split(/\n<<<\d+>>>\n/).map((text) => text.trim());
    const answer = (prefix: string): string => {
      const index = commands.findIndex((command) => command.includes(prefix));
      expect(index, prefix).toBeGreaterThanOrEqual(0);
      return answers[index] ?? '';
    };

    for (const [index, command] of commands.entries()) {
      const claim = expected(command);
      if (claim?.startsWith('{'))
        expect(JSON.parse(answers[index] ?? ''), command).toEqual(JSON.parse(claim));
    }
    const stored = JSON.parse(answer('-X PUT')) as Record<string, Record<string, unknown>>;
    expect(stored['crm']).toBe('zoho');
    expect(stored['webhook']?.['token']).toBe('redacted');
    const journal = JSON.parse(answer('journal?callId=m1')) as {
      entries: { eventId: string; outcome: string; operations: { op: string }[] }[];
    };
    expect(journal.entries.map((entry) => [entry.eventId, entry.outcome])).toEqual([
      ['m1-1', 'applied'],
      ['m1-2', 'applied'],
      ['m1-3', 'applied'],
    ]);
    expect(journal.entries.flatMap((entry) => entry.operations.map((o) => o.op))).toEqual([
      'create_lead',
      'create_task',
      'create_call_log',
    ]);
    // A fresh data directory: the SQLite file and the generated secret key are in ./data.
    expect(readLog(dir)).toContain('callmatrix serve listening');
    expect(readLog(dir)).toContain('draining');
  }, 180_000);
});

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'callmatrix.log'), 'utf8');
  } catch {
    return '(no callmatrix.log)';
  }
}
