import { parentPort, workerData } from 'node:worker_threads';
import type { Outcome } from '../domain/plan.js';
import { shareWriteGate } from '../store/open.js';
import { newWorker, openRuntime } from './serve.js';
import { lowerThisThread, WORKER_THREAD_NICE } from './thread-priority.js';

// The thread `serve` runs its workers in (issue 10: claims, CRM calls and
// completions off the event loop that answers HTTP). Its own store
// connection, project cache and CRM clients; it takes `notify`, `wake` and
// `stop` from serve and reports what the observer would see back to it.

/** What serve starts its thread with: its arguments, and (SQLite) its write gate's shared memory. */
export interface ThreadData {
  readonly args: string[];
  readonly writeGate: { readonly databaseUrl: string; readonly buffer: SharedArrayBuffer } | null;
}

export type ToThread = { readonly kind: 'notify' | 'wake' | 'stop' };
export type FromThread =
  | { readonly kind: 'started'; readonly workerId: string }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed'; readonly message: string }
  | {
      readonly kind: 'processed';
      readonly projectId: string;
      readonly outcome: Outcome | 'retry' | 'held';
    }
  | {
      readonly kind: 'crmCall';
      readonly method: 'findClient' | 'apply';
      readonly seconds: number;
      readonly ok: boolean;
    }
  | { readonly kind: 'error'; readonly message: string; readonly context: Record<string, unknown> };

const port = parentPort;
if (!port) throw new Error('worker-thread.ts runs as a worker thread of `callmatrix serve`');
const send = (message: FromThread): void => port.postMessage(message);
const { args, writeGate } = workerData as ThreadData;

lowerThisThread(WORKER_THREAD_NICE);
const problems: string[] = [];
if (writeGate) shareWriteGate(writeGate.databaseUrl, writeGate.buffer);
// The WAL checkpoints of serve's file run here, on a timer, off the HTTP event loop.
const rt = await openRuntime(args, (text) => problems.push(text), 0, {
  sqliteCheckpoints: 'background',
});
if (!rt) {
  send({ kind: 'failed', message: problems.join('; ') });
} else {
  const worker = newWorker(rt, {
    processed: (projectId, outcome) => send({ kind: 'processed', projectId, outcome }),
    crmCall: (method, seconds, ok) => send({ kind: 'crmCall', method, seconds, ok }),
    error: (message, context) => send({ kind: 'error', message, context }),
  });
  port.on('message', (message: ToThread) => {
    if (message.kind === 'notify') worker.notify();
    else if (message.kind === 'wake') worker.wake();
    else
      void worker
        .stop()
        .then(() => rt.requestCounts.stop())
        .then(() => rt.store.close())
        .finally(() => {
          send({ kind: 'stopped' });
          port.close();
        });
  });
  worker.start();
  send({ kind: 'started', workerId: worker.workerId });
}
