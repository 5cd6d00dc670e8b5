import { newWorker, openRuntime, untilSignal } from './serve.js';

// `callmatrix worker`: workers only, for scale-out next to `serve` on PostgreSQL.

export async function runWorker(
  args: readonly string[],
  err: (text: string) => void,
): Promise<number> {
  const rt = await openRuntime(args, err);
  if (!rt) return 2;
  if (rt.store.backend !== 'postgres') {
    err(
      'callmatrix worker needs PostgreSQL (CALLMATRIX_DATABASE_URL=postgres://…); on SQLite `callmatrix serve` runs the workers itself',
    );
    await rt.store.close();
    return 2;
  }
  const worker = newWorker(rt);
  worker.start();
  rt.logger.info({ workerId: worker.workerId }, 'callmatrix worker started');
  await untilSignal();
  await worker.stop();
  await rt.store.close();
  return 0;
}
