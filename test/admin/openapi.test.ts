import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

type Doc = { openapi: string; paths: Record<string, Record<string, unknown>> };

/** Fastify's `/v1/projects/:project` as OpenAPI's `/v1/projects/{project}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('GET /v1/openapi.json (service.md: every path described)', () => {
  it('is OpenAPI 3.1, served without a key', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json<Doc>().openapi).toBe('3.1.0');
  });

  it('describes every registered route with its method', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json<Doc>();
    expect(h.routes.length).toBeGreaterThan(20);
    for (const route of h.routes) {
      const [method = '', url = ''] = route.split(' ');
      if (url.includes(':part')) {
        // The parts route serves each part named in service.md §2.
        for (const part of [
          'employees',
          'matrix',
          'field-map',
          'pipeline-rules',
          'stop-list',
          'working-hours',
          'connection',
        ]) {
          const item = doc.paths[openApiPath(url).replace('{part}', part)];
          if (method === 'DELETE' && part !== 'matrix') continue;
          expect(item?.[method.toLowerCase()], `${method} ${part}`).toBeDefined();
        }
        continue;
      }
      expect(doc.paths[openApiPath(url)]?.[method.toLowerCase()], route).toBeDefined();
    }
  });

  it('names the ingest, sources and ops paths of service.md too', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json<Doc>();
    for (const path of [
      '/healthz',
      '/readyz',
      '/metrics',
      '/v1/projects/{project}/events',
      '/v1/projects/{project}/sources/twilio',
      '/v1/projects/{project}/sources/zadarma',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('GET /docs/api (the HTTP API page, offline)', () => {
  it('is one self-contained HTML page rendered from the document: every operation, no script, nothing fetched from elsewhere', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/docs/api' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    const doc = (await h.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { operationId: string }>>;
    }>();
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).flatMap((op) => (op.operationId ? [op.operationId] : [])),
    );
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect(html, id).toContain(`id="op-${id.toLowerCase()}"`);
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);
  });
});
