import type { FastifyInstance } from 'fastify';

// Issue 11 item 7: one log line per request (Fastify's own two are turned
// off), with every query value redacted: a webhook `?token=` or a caller's
// phone in `/route?caller=` must not reach the log.

const REDACTED = '[redacted]';

/** The URL with each query parameter's value replaced; names and the path kept. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq)}=${REDACTED}`;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

/** Logs each finished request once, at info (5xx at error): method, redacted URL, status, time. */
export function logRequests(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    const line = {
      method: request.method,
      url: redactUrl(request.url),
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (reply.statusCode >= 500) request.log.error(line, 'request');
    else request.log.info(line, 'request');
    done();
  });
}
