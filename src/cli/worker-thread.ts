import { parentPort, workerData } from 'node:worker_threads';
import type { Outcome } from '../domain/plan.js';
import { newWorker, openRuntime } from './serve.js';

// The thread `serve` runs its workers in (issue 10: claims, CRM calls and
// completions off the event loop that answers HTTP). Its own store
// connection, project cache and CRM clients; it takes `notify`, `wake` and
// `stop` from serve and reports what the observer would see back to it.

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
const { args } = workerData as { args: string[] };

const problems: string[] = [];
const rt = await openRuntime(args, (text) => problems.push(text));
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
        .then(() => rt.store.close())
        .finally(() => {
          send({ kind: 'stopped' });
          port.close();
        });
  });
  worker.start();
  send({ kind: 'started', workerId: worker.workerId });
}
