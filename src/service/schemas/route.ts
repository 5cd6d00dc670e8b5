import type { FastifyInstance } from 'fastify';
import { eventsJsonSchema } from './events.js';
import { projectJsonSchema } from './project.js';

// GET /v1/schemas/project.json and /v1/schemas/events.json: public, as an
// editor fetches them by a document's "$schema" without a key.

export function registerSchemaRoutes(app: FastifyInstance): void {
  const bodies = {
    'project.json': JSON.stringify(projectJsonSchema()),
    'events.json': JSON.stringify(eventsJsonSchema()),
  };
  for (const [name, body] of Object.entries(bodies))
    app.get(`/v1/schemas/${name}`, { config: { access: 'public' } }, (_request, reply) =>
      reply.type('application/schema+json').send(body),
    );
}
