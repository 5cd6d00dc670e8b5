import type { FastifyInstance } from 'fastify';
import { openApiDocument } from './document.js';

export function registerOpenApiRoute(app: FastifyInstance): void {
  const body = JSON.stringify(openApiDocument());
  app.get('/v1/openapi.json', { config: { access: 'public' } }, (_request, reply) =>
    reply.type('application/json').send(body),
  );
}
