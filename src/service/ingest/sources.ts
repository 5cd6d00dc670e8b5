import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bindSource, type Source } from '../../sources/common/source.js';
import type { Acceptor } from './accept.js';
import { lookUp, rawBody, storeDown, type IngestDeps } from './events.js';
import { sendProblem } from './reply.js';

// POST /v1/projects/{project}/sources/{name} (service.md §4): a telephony
// platform's own callbacks, checked with its own signature scheme, mapped
// onto the same events and stored like any ingest; the answer is the one the
// platform expects.

const Params = z.object({ project: z.string() });

/** The request's own absolute URL, as the platform called it (signatures cover it). */
function ownUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${request.url}`;
}

export function registerSourceRoute<S>(
  scope: FastifyInstance,
  source: Source<S>,
  deps: Omit<IngestDeps, 'acceptor'> & { readonly acceptor: Acceptor },
): void {
  const replay = source.replayGuard?.();
  scope.post(`/v1/projects/:project/sources/${source.name}`, async (request, reply) => {
    const { project: projectId } = Params.parse(request.params);
    const raw = rawBody(request);
    const now = deps.now();
    const project = await lookUp(deps, projectId);
    if (project === 'store-down') return storeDown(reply);
    const bound = project ? bindSource(source, project.sources[source.name]) : null;
    if (
      !project ||
      !bound?.ok ||
      !bound.value.verify(raw, request.headers, ownUrl(request), now).ok ||
      (replay && !replay.admit(project.id, raw, request.headers, now).ok)
    ) {
      return sendProblem(reply, 'unauthorized', {
        detail: 'a valid platform signature is required',
      });
    }
    const rate = deps.limiter.take(project.id, now.getTime());
    if (!rate.ok)
      return sendProblem(reply, 'rate-limited', {
        detail: 'over the project ingest rate',
        retryAfterSec: rate.retryAfterSec,
      });
    const parsed = bound.value.parse(raw, { receivedAt: now, timezone: project.settings.timezone });
    if (!parsed.ok) return sendProblem(reply, 'invalid-events', { problems: parsed.problems });
    if (parsed.value.length > 0) {
      try {
        await deps.acceptor.accept(project, parsed.value, now);
      } catch (error) {
        request.log.error({ err: error }, 'source ingest commit failed');
        return sendProblem(reply, 'store-unavailable', {
          detail: 'the events could not be stored',
          retryAfterSec: 5,
        });
      }
    }
    const ack = bound.value.acknowledgement;
    return reply.code(ack.status).type(ack.contentType).send(ack.body);
  });
}
