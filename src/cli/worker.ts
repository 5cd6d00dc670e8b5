import { startOpsServer } from '../service/ops/ops-server.js';
import { ServiceMetrics } from '../service/ops/metrics.js';
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
    await rt.requestCounts.stop();
    await rt.store.close();
    return 2;
  }
  const metrics = new ServiceMetrics(rt.store, { processMetrics: true });
  const worker = newWorker(rt, {
    ...metrics.observer(),
    error: (message, context) => rt.logger.error(context, message),
  });
  // Issue 11 item 8: watched like serve, on a port of its own.
  const ops = await startOpsServer({
    store: rt.store,
    metrics,
    port: rt.settings.workerPort,
    host: rt.settings.host,
  });
  worker.start();
  rt.logger.info({ workerId: worker.workerId, ops: ops.address }, 'callmatrix worker started');
  await untilSignal();
  await ops.app.close();
  await worker.stop();
  await rt.requestCounts.stop();
  await rt.store.close();
  return 0;
}
