import type { FastifyInstance } from 'fastify';
import { hashKey, newKey, newKeyId, originOf } from '../auth/keys.js';
import { projectOr404, sendProblem, type AdminContext, type ProjectParams } from './context.js';
import type { KeyCreatedBody, OperatorKeysBody } from './contracts.js';

// POST /v1/projects/{project}/keys, DELETE …/keys/{id} (service.md §2): project
// keys reach their own project's admin and routing endpoints and nothing else.
// /v1/operator-keys (docs/security.md): the operator keys, listed, added and
// revoked by an operator. A key is found for deletion by its id AND its owner
// in the store, so no id (or project name) reaches another owner's key.

export function registerKeyRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/keys',
    { config: { access: 'operator' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const key = newKey('project');
      const id = newKeyId('project');
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
      if (!(await ctx.store.deleteApiKeyOf(keyId, project)))
        return sendProblem(reply, 'not-found', { detail: 'no such key' });
      return reply.code(204).send();
    },
  );

  app.get('/v1/operator-keys', { config: { access: 'operator' } }, async (_request, reply) => {
    const keys = await ctx.store.listApiKeys(null);
    const body: OperatorKeysBody = {
      keys: keys.map((key) => {
        const origin = originOf(key.id);
        return {
          id: key.id,
          origin: origin === 'project' ? 'earlier' : origin,
          createdAt: key.createdAt.toISOString(),
        };
      }),
    };
    return reply.send(body);
  });

  app.post('/v1/operator-keys', { config: { access: 'operator' } }, async (_request, reply) => {
    const key = newKey('operator');
    const id = newKeyId('api');
    await ctx.store.createApiKey({ id, projectId: null, hash: hashKey(key), now: ctx.now() });
    const body: KeyCreatedBody = { key, id };
    return reply.code(201).send(body);
  });

  app.delete<{ Params: { keyId: string } }>(
    '/v1/operator-keys/:keyId',
    { config: { access: 'operator' } },
    async (request, reply) => {
      const { keyId } = request.params;
      const keys = await ctx.store.listApiKeys(null);
      if (!keys.some((key) => key.id === keyId))
        return sendProblem(reply, 'not-found', { detail: 'no such operator key' });
      // Without an operator key nobody could administer the service until a restart.
      if (keys.length === 1)
        return sendProblem(reply, 'conflict', {
          detail: 'the last operator key cannot be revoked: create another one first',
        });
      if (!(await ctx.store.deleteApiKeyOf(keyId, null)))
        return sendProblem(reply, 'not-found', { detail: 'no such operator key' });
      return reply.code(204).send();
    },
  );
}
