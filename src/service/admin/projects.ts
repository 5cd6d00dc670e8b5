import type { FastifyInstance } from 'fastify';
import { projectOr404, sendProblem, type AdminContext, type ProjectParams } from './context.js';
import { PROJECT_ID } from './document.js';
import { saveDocument } from './save.js';

// PUT / GET / DELETE /v1/projects/{project} (service.md §2).

/** Names that read as the service's own (docs/security.md): a project may not take them. */
export const RESERVED_PROJECT_IDS: ReadonlySet<string> = new Set([
  'operator',
  'operators',
  'admin',
  'root',
  'system',
  'callmatrix',
  'keys',
  'operator-keys',
]);

export function registerProjectRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.put<{ Params: ProjectParams }>(
    '/v1/projects/:project',
    { config: { access: 'operator' } },
    async (request, reply) => {
      const id = request.params.project;
      if (!PROJECT_ID.test(id)) {
        return sendProblem(reply, 'invalid-request', {
          problems: [
            { path: 'project', message: 'a project id matches ^[a-z0-9][a-z0-9-]{0,62}$' },
          ],
        });
      }
      if (RESERVED_PROJECT_IDS.has(id)) {
        return sendProblem(reply, 'invalid-request', {
          problems: [{ path: 'project', message: `"${id}" is reserved; choose another id` }],
        });
      }
      const existing = await ctx.projects.load(id);
      const outcome = await saveDocument(ctx, id, request.body, existing);
      switch (outcome.kind) {
        case 'invalid':
          return sendProblem(reply, 'invalid-document', { problems: outcome.problems });
        case 'conflict':
          return sendProblem(reply, 'conflict', { detail: outcome.detail });
        case 'saved':
          return reply.code(outcome.created ? 201 : 200).send(outcome.body);
      }
    },
  );

  app.get<{ Params: ProjectParams }>(
    '/v1/projects/:project',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      return project ? reply.send(project.redacted) : reply;
    },
  );

  app.delete<{ Params: ProjectParams }>(
    '/v1/projects/:project',
    { config: { access: 'operator' } },
    async (request, reply) => {
      const deleted = await ctx.projects.delete(request.params.project);
      if (!deleted) return sendProblem(reply, 'not-found', { detail: 'no such project' });
      ctx.hooks.projectChanged?.(request.params.project);
      return reply.code(204).send();
    },
  );
}
