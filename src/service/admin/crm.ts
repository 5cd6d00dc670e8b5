import type { FastifyInstance, FastifyReply } from 'fastify';
import { CRM_IDS, type CrmId } from '../../domain/crm-id.js';
import { MatrixSchema } from '../../domain/project.js';
import type { CrmError } from '../../crm/port.js';
import { CRMS } from '../../crm/registry.js';
import {
  parseOr,
  projectOr404,
  sendProblem,
  type AdminContext,
  type ProjectParams,
} from './context.js';
import {
  FieldsQuerySchema,
  type FieldsBody,
  type PipelinesBody,
  type UsersBody,
} from './contracts.js';
import { catalogOf } from './crm-catalog.js';
import type { LoadedProject } from './project-store.js';

// GET /v1/crms/{crm}/default-matrix and GET /v1/projects/{project}/crm/… (service.md §2):
// what the operator links employees and chooses fields from, read from the connected CRM.

export function crmFailure(reply: FastifyReply, error: CrmError): FastifyReply {
  // Never echo the CRM's body: it may carry tokens. The message is the adapter's own.
  const detail =
    error.kind === 'reauth'
      ? `the CRM refused the credentials: ${error.message}`
      : `the CRM did not answer: ${error.message}`;
  return sendProblem(reply, 'crm-unavailable', { detail });
}

function connectedOr409(project: LoadedProject, reply: FastifyReply): boolean {
  if (project.document.connection) return true;
  void sendProblem(reply, 'conflict', {
    detail: 'the project has no connection: PUT …/connection first',
  });
  return false;
}

export function registerCrmRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Params: { crm: string } }>(
    '/v1/crms/:crm/default-matrix',
    { config: { access: 'any' } },
    async (request, reply) => {
      const { crm } = request.params;
      if (!(CRM_IDS as readonly string[]).includes(crm))
        return sendProblem(reply, 'not-found', {
          detail: `no CRM "${crm}": expected one of ${CRM_IDS.join(', ')}`,
        });
      return reply.send(MatrixSchema.parse(CRMS[crm as CrmId].profile.matrix));
    },
  );

  app.get<{ Params: ProjectParams }>(
    '/v1/projects/:project/crm/users',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project || !connectedOr409(project, reply)) return reply;
      const users = await ctx.crmPort(project.view).listUsers();
      if (!users.ok) return crmFailure(reply, users.error);
      const body: UsersBody = { users: users.value };
      return reply.send(body);
    },
  );

  app.get<{ Params: ProjectParams }>(
    '/v1/projects/:project/crm/pipelines',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project || !connectedOr409(project, reply)) return reply;
      const catalog = catalogOf(ctx.crmPort(project.view));
      if (!catalog)
        return sendProblem(reply, 'not-implemented', {
          detail: `the ${project.document.crm} adapter does not list pipelines yet`,
        });
      const pipelines = await catalog.listPipelines();
      if (!pipelines.ok) return crmFailure(reply, pipelines.error);
      const body: PipelinesBody = { pipelines: pipelines.value };
      return reply.send(body);
    },
  );

  app.get<{ Params: ProjectParams; Querystring: unknown }>(
    '/v1/projects/:project/crm/fields',
    { config: { access: 'project' } },
    async (request, reply) => {
      const query = parseOr(FieldsQuerySchema, request.query, reply, 'query');
      if (!query.ok) return reply;
      const project = await projectOr404(ctx, request, reply);
      if (!project || !connectedOr409(project, reply)) return reply;
      const catalog = catalogOf(ctx.crmPort(project.view));
      if (!catalog)
        return sendProblem(reply, 'not-implemented', {
          detail: `the ${project.document.crm} adapter does not list fields yet`,
        });
      const fields = await catalog.listFields(query.value.entity);
      if (!fields.ok) return crmFailure(reply, fields.error);
      const body: FieldsBody = {
        fields: fields.value.map(({ values, ...field }) => ({
          ...field,
          ...(values && { values: [...values] }),
        })),
      };
      return reply.send(body);
    },
  );
}
