import type { FastifyInstance } from 'fastify';
import { normalisePhone } from '../../domain/phone.js';
import type { JournalQuery, Store } from '../../store/store.js';
import {
  parseOr,
  projectOr404,
  sendProblem,
  type AdminContext,
  type ProjectParams,
} from './context.js';
import {
  JournalQuerySchema,
  type EventBody,
  type JournalBody,
  type RetriedEventsBody,
  type StatusBody,
} from './contracts.js';

// GET …/status, …/journal, …/events/{eventId}, POST …/events/{eventId}/retry (service.md §5),
// and POST …/events/retry: every failed event of the project at once (an extension).

type EventParams = ProjectParams & { eventId: string };

export async function statusOf(store: Store, projectId: string): Promise<StatusBody | null> {
  const [integration, events, index] = await Promise.all([
    store.getIntegration(projectId),
    store.countEvents(projectId),
    store.indexStatus(projectId),
  ]);
  if (!integration) return null;
  return {
    integration: {
      state: integration.state,
      since: integration.since.toISOString(),
      reason: integration.reason,
    },
    events,
    index: {
      state: index.state,
      phones: index.phones,
      ...(index.reason !== undefined && { reason: index.reason }),
    },
  };
}

async function eventBody(
  store: Store,
  projectId: string,
  eventId: string,
): Promise<EventBody | null> {
  const detail = await store.getEvent(projectId, eventId);
  if (!detail) return null;
  const { event, journal } = detail;
  return {
    eventId: event.eventId,
    state: event.state,
    attempts: event.attempts,
    lastError: event.lastError,
    journal,
  };
}

export function registerProcessingRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Params: ProjectParams }>(
    '/v1/projects/:project/status',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const status = await statusOf(ctx.store, project.id);
      return status
        ? reply.send(status)
        : sendProblem(reply, 'not-found', { detail: 'no such project' });
    },
  );

  app.get<{ Params: ProjectParams; Querystring: unknown }>(
    '/v1/projects/:project/journal',
    { config: { access: 'project' } },
    async (request, reply) => {
      const query = parseOr(JournalQuerySchema, request.query, reply, 'query');
      if (!query.ok) return reply;
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const { callId, phone, outcome, from, to, limit, cursor } = query.value;
      // The journal keeps phones in E.164 (G1): a local number is read with the project's country.
      const filter: JournalQuery = {
        ...(callId !== undefined && { callId }),
        ...(phone !== undefined && {
          phone: normalisePhone(phone, project.document.project.defaultCountry).e164 ?? phone,
        }),
        ...(outcome !== undefined && { outcome }),
        ...(from !== undefined && { from: new Date(from) }),
        ...(to !== undefined && { to: new Date(to) }),
        ...(limit !== undefined && { limit }),
        ...(cursor !== undefined && { cursor }),
      };
      let page: JournalBody;
      try {
        page = await ctx.store.listJournal(project.id, filter);
      } catch (error) {
        // A cursor is opaque and may be forged or stale; the store refuses it by throwing.
        if (cursor !== undefined)
          return sendProblem(reply, 'invalid-request', {
            problems: [{ path: 'query.cursor', message: 'unknown cursor: start again without it' }],
          });
        throw error;
      }
      return reply.send(page);
    },
  );

  app.get<{ Params: EventParams }>(
    '/v1/projects/:project/events/:eventId',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const body = await eventBody(ctx.store, project.id, request.params.eventId);
      return body ? reply.send(body) : sendProblem(reply, 'not-found', { detail: 'no such event' });
    },
  );

  // A person's retry of every failed event (after correcting a setting, say): each is decided
  // again from the current settings, as the one-event retry does (docs/operations.md).
  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/events/retry',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const retried = await ctx.store.retryFailed(project.id, ctx.now());
      const body: RetriedEventsBody = { retried };
      return reply.send(body);
    },
  );

  app.post<{ Params: EventParams }>(
    '/v1/projects/:project/events/:eventId/retry',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const { eventId } = request.params;
      if (!(await ctx.store.retry(project.id, eventId, ctx.now()))) {
        const current = await eventBody(ctx.store, project.id, eventId);
        return current
          ? sendProblem(reply, 'conflict', {
              detail: `the event is ${current.state}: only a failed event can be retried`,
            })
          : sendProblem(reply, 'not-found', { detail: 'no such event' });
      }
      return reply.send(await eventBody(ctx.store, project.id, eventId));
    },
  );
}
