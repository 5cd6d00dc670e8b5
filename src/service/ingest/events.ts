import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseEvent, type Event } from '../../domain/events.js';
import type { Problem } from '../../domain/problems.js';
import { verifyWebhook } from '../../sources/standard-webhooks/verify.js';
import type { ProjectSource, ProjectView } from '../../worker/project.js';
import type { Acceptor } from './accept.js';
import type { RateLimiter } from './rate-limit.js';
import { sendProblem } from './reply.js';

// POST /v1/projects/{project}/events (service.md §4). Checks run in the
// contract's order: 413 (the body parser), 415, 401, (429), 400, 422; any
// refusal stores nothing; 202 only after the commit.

export const MAX_EVENTS = 1000;
export const PROJECT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const Params = z.object({ project: z.string() });
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface IngestDeps {
  readonly projects: ProjectSource;
  readonly acceptor: Acceptor;
  readonly limiter: RateLimiter;
  readonly now: () => Date;
}

/** `application/json`, with parameters, or any `+json` type. */
export function isJsonContent(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

export function rawBody(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}

/** Validates each event; an array of more than 1 000 is refused whole. Problems are `[i].field` for arrays. */
export function validateEvents(
  body: unknown,
): { ok: true; events: Event[] } | { ok: false; problems: Problem[] } {
  const items = Array.isArray(body) ? body : [body];
  if (Array.isArray(body) && body.length > MAX_EVENTS) {
    return {
      ok: false,
      problems: [
        { path: '', message: `at most ${MAX_EVENTS} events per request, got ${body.length}` },
      ],
    };
  }
  if (Array.isArray(body) && body.length === 0)
    return { ok: false, problems: [{ path: '', message: 'expected at least one event' }] };
  const events: Event[] = [];
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const parsed = parseEvent(item, Array.isArray(body) ? [index] : []);
    if (parsed.ok) events.push(parsed.value);
    else problems.push(...parsed.problems);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
}

/**
 * The project of an ingest request; 'store-down' when the store cannot be read
 * (issue 11 item 5: a 503 the sender retries, not a 500).
 */
export async function lookUp(
  deps: Pick<IngestDeps, 'projects'>,
  projectId: string,
): Promise<ProjectView | null | 'store-down'> {
  if (!PROJECT_ID.test(projectId)) return null;
  try {
    return await deps.projects.get(projectId);
  } catch {
    return 'store-down';
  }
}

export function storeDown(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, 'store-unavailable', {
    detail: 'the store cannot be reached; nothing was accepted',
    retryAfterSec: 5,
  });
}

/**
 * Bearer-token ingest is judged before its body is read (docs/security.md): an
 * unknown project or a wrong token gets its 401 at once, so unauthenticated
 * megabytes are never buffered. Left to the handler, in the contract's order:
 * a body over the limit (413), a body that is not JSON content (415), and
 * Standard Webhooks signatures, which cover the body.
 */
/** Requests whose bearer token refuseEarly already accepted: the handler does not hash it again. */
const verifiedEarly = new WeakSet<FastifyRequest>();

async function refuseEarly(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: IngestDeps,
): Promise<void> {
  const { headers } = request;
  if (headers.authorization === undefined || headers['webhook-signature'] !== undefined) return;
  if (!isJsonContent(headers['content-type'])) return;
  if (Number(headers['content-length'] ?? 0) > (request.server.initialConfig.bodyLimit ?? Infinity))
    return;
  const projectId = (request.params as { project?: string }).project ?? '';
  const project = await lookUp(deps, projectId);
  // A store that cannot be read is answered by the handler (503), as without this hook.
  if (project === 'store-down') return;
  if (project && verifyWebhook(Buffer.alloc(0), headers, project.webhook, deps.now()).ok)
    verifiedEarly.add(request);
  else
    await sendProblem(reply, 'unauthorized', {
      detail: 'a valid webhook token or signature is required',
    });
}

export function registerEventsRoute(scope: FastifyInstance, deps: IngestDeps): void {
  const onRequest = (request: FastifyRequest, reply: FastifyReply) =>
    refuseEarly(request, reply, deps);
  scope.post('/v1/projects/:project/events', { onRequest }, async (request, reply) => {
    const { project: projectId } = Params.parse(request.params);
    if (!isJsonContent(request.headers['content-type'])) {
      return sendProblem(reply, 'unsupported-media-type', { detail: 'send application/json' });
    }
    const raw = rawBody(request);
    const now = deps.now();
    // Unknown project, wrong token, bad signature: one answer (service.md §3).
    const project = await lookUp(deps, projectId);
    if (project === 'store-down') return storeDown(reply);
    const verified =
      project !== null &&
      (verifiedEarly.has(request) || verifyWebhook(raw, request.headers, project.webhook, now).ok);
    if (!verified) {
      return sendProblem(reply, 'unauthorized', {
        detail: 'a valid webhook token or signature is required',
      });
    }
    const rate = deps.limiter.take(project.id, now.getTime());
    if (!rate.ok)
      return sendProblem(reply, 'rate-limited', {
        detail: 'over the project ingest rate',
        retryAfterSec: rate.retryAfterSec,
      });
    let body: unknown;
    try {
      // fatal: bytes that are not UTF-8 are refused, not stored with U+FFFD in their place (issue 11 item 3).
      body = JSON.parse(UTF8.decode(raw));
    } catch {
      return sendProblem(reply, 'not-json', { detail: 'the body is not valid UTF-8 JSON' });
    }
    const valid = validateEvents(body);
    if (!valid.ok) return sendProblem(reply, 'invalid-events', { problems: valid.problems });
    let result;
    try {
      result = await deps.acceptor.accept(project, valid.events, now);
    } catch (error) {
      request.log.error({ err: error }, 'ingest commit failed');
      return sendProblem(reply, 'store-unavailable', {
        detail: 'the events could not be stored; nothing was accepted',
        retryAfterSec: 5,
      });
    }
    return reply.code(202).send({ accepted: result.accepted, duplicates: result.duplicates });
  });
}
