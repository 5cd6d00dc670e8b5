import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, principalOf } from '../auth/access.js';
import { registerOpenApiRoute } from '../openapi/route.js';
import { registerSchemaRoutes } from '../schemas/route.js';
import { OAuthFlows } from '../oauth/flows.js';
import { registerOAuthRoutes } from '../oauth/routes.js';
import type { AdminContext, AdminDeps } from './context.js';
import { sendProblem } from './context.js';
import { registerConnectionTestRoute } from './connection-test.js';
import { registerCrmRoutes } from './crm.js';
import { registerDryRunRoutes } from './dry-run.js';
import { registerIntegrationRoutes } from './integration.js';
import { registerKeyRoutes } from './keys.js';
import { registerPartRoutes } from './parts.js';
import { registerProjectListRoute } from './project-list.js';
import { ProjectStore } from './project-store.js';
import { registerProcessingRoutes } from './processing.js';
import { registerProjectRoutes } from './projects.js';
import { REPLAY_LIMITS, registerReplayRoutes } from './replay.js';
import { registerRoutingRoutes } from './routing.js';
import { registerStatsRoute } from './stats.js';
import { registerUnknownEmployeesRoute } from './unknown-employees.js';

export type { AdminDeps, AdminHooks } from './context.js';
export { ProjectStore, type LoadedProject } from './project-store.js';
export { parseAllowHosts } from './connection.js';
export { routeCaller } from './routing.js';

/**
 * The admin API, smart call forwarding and the OpenAPI document (service.md
 * §2, §3, §5, §6), in one encapsulated scope: its auth hook and its error
 * handler apply to these routes only.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const ctx: AdminContext = {
    store: deps.store,
    projects: deps.projects ?? new ProjectStore(deps.store, deps.secretBox),
    allowCrmHosts: deps.allowCrmHosts,
    crmPort: deps.crmPort,
    now: deps.now ?? (() => new Date()),
    hooks: deps.hooks ?? {},
    replayLimits: deps.replayLimits ?? REPLAY_LIMITS,
  };
  void app.register((scope, _options, done) => {
    scope.addHook('onRequest', (request, reply) => authenticate(ctx, request, reply));
    scope.setErrorHandler((error: FastifyError, request, reply) =>
      answerError(error, request, reply),
    );
    registerProjectRoutes(scope, ctx);
    registerProjectListRoute(scope, ctx);
    registerPartRoutes(scope, ctx);
    registerCrmRoutes(scope, ctx);
    registerConnectionTestRoute(scope, ctx);
    registerOAuthRoutes(
      scope,
      ctx,
      deps.oauth ?? { apps: {} },
      new OAuthFlows(() => ctx.now().getTime()),
    );
    registerKeyRoutes(scope, ctx);
    registerProcessingRoutes(scope, ctx);
    registerStatsRoute(scope, ctx);
    registerIntegrationRoutes(scope, ctx);
    registerDryRunRoutes(scope, ctx);
    registerReplayRoutes(scope, ctx);
    registerRoutingRoutes(scope, ctx);
    registerUnknownEmployeesRoute(scope, ctx);
    registerOpenApiRoute(scope);
    registerSchemaRoutes(scope);
    done();
  });
}

/** service.md §3, before the body is read: 401 for a missing or unknown key, 404 for another project, 403 for operator-only. */
async function authenticate(
  ctx: AdminContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const access = request.routeOptions.config.access ?? 'operator';
  if (access === 'public' || access === 'route') return;
  const principal = await principalOf(ctx.store, request.headers);
  const params = request.params as { project?: string } | undefined;
  const denial = authorize(principal, access, params?.project);
  if (denial) {
    await sendProblem(reply, denial, denial === 'not-found' ? { detail: 'no such project' } : {});
    return;
  }
  if (principal) request.principal = principal;
  if (hasBody(request) && !isJson(request.headers['content-type'])) {
    await sendProblem(reply, 'unsupported-media-type', {
      detail: 'send the body as application/json',
    });
  }
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined
  );
}

function isJson(contentType: string | undefined): boolean {
  return (
    contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)
  );
}

/** Fastify's own refusals (body parsing, limits) in the problem+json shape; anything else is a 500 that says nothing. */
function answerError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, 'payload-too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, 'unsupported-media-type', {
        detail: 'send the body as application/json',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendProblem(reply, 'not-json', { detail: 'the body is not JSON' });
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && error.code === undefined))
    return sendProblem(reply, 'not-json', { detail: 'the body is not JSON' });
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
    return sendProblem(reply, 'invalid-request', { detail: error.message });
  request.log.error({ err: error }, 'admin route failed');
  return sendProblem(reply, 'internal');
}
