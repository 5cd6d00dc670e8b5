import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

// The admin web app (web/, built into dist/web by `npm run build`) at / on the API's own origin,
// so it calls /v1 with no CORS and no cookies. Two routes: the page, and its hashed assets.
// A name is one path segment of safe characters, so no request can leave the folder.

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};
const ASSET = /^[\w-]+\.(js|css|svg|png)$/;
// The page runs only its own script and talks only to its own origin.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function registerWebApp(app: FastifyInstance, dir: string): void {
  app.get('/', async (_request, reply) => {
    let html: Buffer;
    try {
      html = await readFile(join(dir, 'index.html'));
    } catch {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('The admin web app is not built here: run `npm run build`.\n');
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .header('x-content-type-options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(html);
  });
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const match = ASSET.exec(request.params.file);
    if (!match?.[1]) return reply.callNotFound();
    let body: Buffer;
    try {
      body = await readFile(join(dir, 'assets', request.params.file));
    } catch {
      return reply.callNotFound();
    }
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .type(TYPES[match[1]] ?? 'application/octet-stream')
      .send(body);
  });
}
