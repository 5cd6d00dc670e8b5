import { readFileSync } from 'node:fs';
import { platform } from 'node:os';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';

// Issue 10: serve's worker thread runs at a lower CPU priority than the thread
// that answers HTTP; the nice value is the thread's own, not the process's.

/** A thread's nice value: field 19 of /proc/self/task/TID/stat (after the command in parentheses). */
function niceOf(threadId: number): number {
  const stat = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

it.runIf(platform() === 'linux')('lowers the calling thread only', async () => {
  const entry = new URL('./thread-priority.ts', import.meta.url).href;
  const thread = new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); }).then((m) => {
       const lowered = m.lowerThisThread(7);
       const { readlinkSync } = require('node:fs');
       const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
       require('node:worker_threads').parentPort.postMessage({ lowered, id });
       return new Promise(() => undefined);
     })`,
    { eval: true },
  );
  try {
    const { lowered, id } = await new Promise<{ lowered: boolean; id: number }>(
      (resolve, reject) => {
        thread.once('message', resolve);
        thread.once('error', reject);
      },
    );
    expect(lowered).toBe(true);
    expect(niceOf(id) - niceOf(process.pid)).toBe(7);
  } finally {
    await thread.terminate();
  }
});
