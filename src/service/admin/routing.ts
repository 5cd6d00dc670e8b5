import type { FastifyInstance } from 'fastify';
import { normalisePhone } from '../../domain/phone.js';
import { PROFILES } from '../../engine/defaults/index.js';
import { verifyWebhook } from '../../sources/standard-webhooks/verify.js';
import { authorize, principalOf } from '../auth/access.js';
import { parseOr, sendProblem, type AdminContext, type ProjectParams } from './context.js';
import { RouteQuerySchema, type RouteBody } from './contracts.js';
import type { LoadedProject } from './project-store.js';

// GET /v1/projects/{project}/route?caller=PHONE (service.md §6, G13): whom to
// put the caller through to, answered from the local phone index only.

const NO_MATCH: RouteBody = { match: false };
const EMPTY_BODY = new Uint8Array(0);

export function registerRoutingRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Params: ProjectParams; Querystring: unknown }>(
    '/v1/projects/:project/route',
    { config: { access: 'route' } },
    async (request, reply) => {
      const projectId = request.params.project;
      const project = await ctx.projects.load(projectId);

      // An API key (operator, or this project's key) follows the admin rules; anything else must be the
      // project's webhook token or signature, and a wrong secret and an unknown project answer the same 401.
      const principal = await principalOf(ctx.store, request.headers);
      if (principal) {
        const denial = authorize(principal, 'project', projectId);
        if (denial) return sendProblem(reply, denial);
        if (!project) return sendProblem(reply, 'not-found', { detail: 'no such project' });
      } else if (
        !project ||
        !verifyWebhook(EMPTY_BODY, request.headers, project.document.webhook, ctx.now()).ok
      ) {
        return sendProblem(reply, 'unauthorized');
      }

      const query = parseOr(RouteQuerySchema, request.query, reply, 'query');
      if (!query.ok) return reply;
      return reply.send(await routeCaller(ctx, project, query.value.caller));
    },
  );
}

export async function routeCaller(
  ctx: AdminContext,
  project: LoadedProject,
  caller: string,
): Promise<RouteBody> {
  const { crm, project: settings, employees } = project.document;
  // G1: a number without an identity (hidden caller id, a short code) is nobody's: never routed to an owner.
  const e164 = normalisePhone(caller, settings.defaultCountry).e164;
  if (!e164) return NO_MATCH;
  const priority = settings.routingPriority ?? PROFILES[crm].semantics.routingPriority;
  const match = await ctx.store.route(project.id, e164, priority);
  if (!match?.ownerUserId) return NO_MATCH;
  const employee = employees.find((candidate) => candidate.crmUserId === match.ownerUserId);
  // A record owned by a CRM user who is no employee (an admin, an import user) has nobody to ring (D15).
  if (!employee) return NO_MATCH;
  return {
    match: true,
    employee: {
      id: employee.id,
      name: employee.name,
      extension: employee.extension ?? null,
      sipLogins: employee.sipLogins,
      phones: employee.phones,
    },
    record: { entity: match.entity, id: match.recordId },
  };
}
