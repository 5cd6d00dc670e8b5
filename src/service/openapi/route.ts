import type { FastifyInstance } from 'fastify';
import { openApiDocument } from './document.js';
import { renderHtml } from './html.js';

/** GET /v1/openapi.json and its HTML rendering at GET /docs/api, both without a key. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  const document = openApiDocument();
  const json = JSON.stringify(document);
  const html = renderHtml(document);
  app.get('/v1/openapi.json', { config: { access: 'public' } }, (_request, reply) =>
    reply.type('application/json').send(json),
  );
  app.get('/docs/api', { config: { access: 'public' } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(html),
  );
}
