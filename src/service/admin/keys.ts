import type { FastifyInstance } from 'fastify';
import { hashKey, keyIdBelongsTo, newKey, projectKeyId } from '../auth/keys.js';
import { projectOr404, sendProblem, type AdminContext, type ProjectParams } from './context.js';
import type { KeyCreatedBody } from './contracts.js';

// POST /v1/projects/{project}/keys, DELETE …/keys/{id} (service.md §2): project
// keys reach their own project's admin and routing endpoints and nothing else.

export function registerKeyRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/keys',
    { config: { access: 'operator' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const key = newKey('project');
      const id = projectKeyId(project.id);
      await ctx.store.createApiKey({
        id,
        projectId: project.id,
        hash: hashKey(key),
        now: ctx.now(),
      });
      const body: KeyCreatedBody = { key, id };
      return reply.code(201).send(body);
    },
  );

  app.delete<{ Params: ProjectParams & { keyId: string } }>(
    '/v1/projects/:project/keys/:keyId',
    { config: { access: 'operator' } },
    async (request, reply) => {
      const { project, keyId } = request.params;
      // Another project's key id is unknown here, as service.md §2 wants for unknown ids.
      if (!keyIdBelongsTo(keyId, project) || !(await ctx.store.deleteApiKey(keyId)))
        return sendProblem(reply, 'not-found', { detail: 'no such key' });
      return reply.code(204).send();
    },
  );
}
