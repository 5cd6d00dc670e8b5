import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Settings } from '../config/settings.js';
import { SOURCE_NAMES, sources, type SourceName } from '../sources/index.js';
import { zadarmaEcho } from '../sources/zadarma/index.js';
import type { Store } from '../store/store.js';
import { OrderingKeys } from '../worker/ordering.js';
import type { ProjectSource } from '../worker/project.js';
import { acceptor } from './ingest/accept.js';
import { registerEventsRoute } from './ingest/events.js';
import { RateLimiter } from './ingest/rate-limit.js';
import { sendProblem } from './ingest/reply.js';
import { registerSourceRoute } from './ingest/sources.js';
import { ServiceMetrics } from './ops/metrics.js';
import { logRequests } from './ops/request-log.js';
import { registerOpsRoutes } from './ops/routes.js';

// The HTTP service (service.md): ops, ingest and telephony sources here; the
// admin API plugs in through `extraRoutes` (src/service/admin).

export interface AppDeps {
  readonly store: Store;
  readonly settings: Pick<Settings, 'maxBodyBytes' | 'ingestRatePerSec'> &
    Partial<Pick<Settings, 'requestTimeoutMs'>>;
  readonly projects: ProjectSource;
  readonly metrics?: ServiceMetrics;
  /** Called after events were committed: wakes the in-process workers. */
  readonly onAccepted?: () => void;
  readonly now?: () => Date;
  /** Fastify's logger option; false in tests. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Further routes (the admin API), registered on the root scope with its JSON parser. */
  readonly extraRoutes?: ReadonlyArray<(app: FastifyInstance) => Promise<void> | void>;
}

/** Secrets never reach the log (service.md §3). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["webhook-signature"]',
  'req.headers["x-twilio-signature"]',
  'req.headers.signature',
  'headers.authorization',
];

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { store, settings, projects } = deps;
  const now = deps.now ?? (() => new Date());
  const metrics = deps.metrics ?? new ServiceMetrics(store);
  const requestTimeout = settings.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: settings.maxBodyBytes,
    // A proxy in front may keep connections longer than Node's default 5 s.
    keepAliveTimeout: 72_000,
    // One line per request, URL query values redacted (ops/request-log.ts), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A body trickling in byte by byte holds a socket and a buffer: cut off whole requests
    // slower than this (408), checked every second rather than Node's 30 s (docs/security.md).
    requestTimeout,
    http: {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 60_000),
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
    },
  });
  logRequests(app);

  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413)
      return sendProblem(reply, 'payload-too-large', {
        detail: `the body is over ${settings.maxBodyBytes} bytes`,
      });
    if (status === 415)
      return sendProblem(reply, 'unsupported-media-type', { detail: 'send application/json' });
    if (status === 400) return sendProblem(reply, 'invalid-request', { detail: error.message });
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, 'internal', { detail: 'an internal error occurred' });
  });
  app.setNotFoundHandler((_request, reply) =>
    sendProblem(reply, 'not-found', { detail: 'no such route' }),
  );

  registerOpsRoutes(app, store, metrics);

  const ordering = new OrderingKeys((projectId, ref) => store.orderingKeyOf(projectId, ref));
  const ingest = {
    projects,
    limiter: new RateLimiter(settings.ingestRatePerSec),
    now,
    acceptor: acceptor(store, ordering, (_projectId, result) => {
      metrics.accepted.inc(result.accepted);
      metrics.duplicates.inc(result.duplicates);
      if (result.accepted > 0) deps.onAccepted?.();
    }),
  };
  // Ingest keeps the raw bytes: signatures cover them, not a re-serialised parse (style §2.12).
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, parsed) =>
      parsed(null, body),
    );
    registerEventsRoute(scope, ingest);
    // Every source of the registry gets its route (src/sources/index.ts).
    const mount = <Name extends SourceName>(name: Name): void =>
      registerSourceRoute(scope, sources[name], ingest);
    for (const name of SOURCE_NAMES) mount(name);
    // Zadarma checks the URL with an unsigned GET ?zd_echo=X and wants X back.
    scope.get('/v1/projects/:project/sources/zadarma', (request, reply) => {
      const echo = zadarmaEcho(request.url);
      if (!echo) return sendProblem(reply, 'invalid-request', { detail: 'expected ?zd_echo=' });
      return reply.code(echo.status).type(echo.contentType).send(echo.body);
    });
    done();
  });

  for (const routes of deps.extraRoutes ?? []) await routes(app);
  return app;
}
