import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { sendProblem } from '../ingest/reply.js';
import type { ServiceMetrics } from './metrics.js';

// GET /healthz, /readyz, /metrics (service.md §1).

export function registerOpsRoutes(
  app: FastifyInstance,
  store: Store,
  metrics: ServiceMetrics,
): void {
  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const ready = await store.ready().catch(() => false);
    if (!ready)
      return sendProblem(reply, 'store-unavailable', {
        detail: 'the store is not migrated or not reachable',
      });
    return { status: 'ready', store: store.backend };
  });
  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
}
