import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openStore } from './open.js';

const child = fileURLToPath(new URL('./fixtures/ingest-forever.ts', import.meta.url));

it('service §1: SIGKILL at any moment loses no acknowledged event (SQLite)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-kill-'));
  const url = `sqlite:${join(dir, 'store.db')}`;
  try {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        acked.push(...lines);
        if (acked.length >= 30) {
          proc.kill('SIGKILL');
          resolve();
        }
      });
      proc.on('exit', (code) =>
        acked.length >= 30 ? resolve() : reject(new Error(`child exited early (${code})`)),
      );
    });
    await new Promise((resolve) => proc.once('close', resolve));
    const store = await openStore(url);
    try {
      for (const eventId of acked)
        expect((await store.getEvent('acme', eventId))?.event.state, eventId).toBe('pending');
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
