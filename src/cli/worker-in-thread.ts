import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker as Thread } from 'node:worker_threads';
import type pino from 'pino';
import type { WorkerObserver } from '../worker/observer.js';
import { atMostEvery } from './at-most-every.js';
import type { FromThread, ThreadData, ToThread } from './worker-thread.js';

// serve's side of its worker thread (worker-thread.ts): the same calls as the
// in-process Worker (notify, wake, stop), carried as messages.

// worker-thread.ts under tsx, worker-thread.js when built.
const ENTRY = new URL(`./worker-thread${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * Run from source (tsx), a thread does not inherit tsx's loader: it registers
 * it first (tsx/esm/api, a development dependency), then loads the entry.
 */
function spawnThread(workerData: ThreadData): Thread {
  if (!ENTRY.pathname.endsWith('.ts')) return new Thread(ENTRY, { workerData });
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); })`;
  return new Thread(boot, { eval: true, workerData });
}

/** Accepted events are told to the thread at most this often: one message per request cost the HTTP loop. */
const NOTIFY_EVERY_MS = 5;

export class WorkerInThread {
  private readonly notice = atMostEvery(NOTIFY_EVERY_MS, () => this.send({ kind: 'notify' }));

  private constructor(
    private readonly thread: Thread,
    readonly workerId: string,
    private readonly stopped: Promise<void>,
  ) {}

  /** Starts the thread; resolves once its worker runs (rejects when it could not start). */
  static start(
    data: ThreadData,
    observer: WorkerObserver,
    logger: pino.Logger,
  ): Promise<WorkerInThread> {
    const thread = spawnThread(data);
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    return new Promise((resolve, reject) => {
      thread.on('message', (message: FromThread) => {
        switch (message.kind) {
          case 'started':
            resolve(new WorkerInThread(thread, message.workerId, stopped));
            break;
          case 'failed':
            reject(new Error(`worker thread: ${message.message}`));
            break;
          case 'stopped':
            stop();
            break;
          case 'processed':
            observer.processed?.(message.projectId, message.outcome);
            break;
          case 'crmCall':
            observer.crmCall?.(message.method, message.seconds, message.ok);
            break;
          case 'error':
            observer.error?.(message.message, message.context);
        }
      });
      thread.on('error', (error) => {
        logger.error({ error: String(error) }, 'worker thread failed');
        reject(error instanceof Error ? error : new Error(String(error)));
        stop();
      });
      thread.on('exit', () => stop());
    });
  }

  private send(message: ToThread): void {
    this.thread.postMessage(message);
  }

  /** Events were accepted (Worker.notify); several within NOTIFY_EVERY_MS make one message. */
  notify(): void {
    this.notice();
  }

  /** Look for work now (Worker.wake). */
  wake(): void {
    this.send({ kind: 'wake' });
  }

  /** Drains the worker (Worker.stop) and ends the thread. */
  async stop(): Promise<void> {
    this.notice.cancel();
    this.send({ kind: 'stop' });
    await this.stopped;
    await this.thread.terminate();
  }
}
