import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../../store/store.js';
import { sendProblem } from '../ingest/reply.js';
import type { ServiceMetrics } from './metrics.js';
import { registerOpsRoutes } from './routes.js';

// Issue 11 item 8: a `callmatrix worker` process has no API, yet must be
// watched like one: /healthz, /readyz and /metrics on a port of its own.

export async function startOpsServer(options: {
  readonly store: Store;
  readonly metrics: ServiceMetrics;
  readonly port: number;
  readonly host: string;
}): Promise<{ readonly app: FastifyInstance; readonly address: string }> {
  const app = Fastify({ logger: false });
  registerOpsRoutes(app, options.store, options.metrics);
  app.setNotFoundHandler((_request, reply) =>
    sendProblem(reply, 'not-found', {
      detail: 'a worker serves /healthz, /readyz and /metrics only',
    }),
  );
  const address = await app.listen({ port: options.port, host: options.host });
  return { app, address };
}
