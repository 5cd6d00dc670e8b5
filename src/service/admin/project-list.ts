import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ProjectHealth } from '../../store/store.js';
import { parseOr, type AdminContext } from './context.js';
import type { ProjectListBody, ProjectSummary } from './contracts.js';

// GET /v1/projects (operator): each project with its health at a glance, for
// the admin web app's project list. An extension of service.md, in the
// OpenAPI document and docs/api.md.

export const ProjectListQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'expected a whole number 1..200' })
    .int()
    .min(1)
    .max(200)
    .default(50),
  cursor: z.string().min(1).max(100).optional(),
});

export function projectSummary(health: ProjectHealth, now: Date): ProjectSummary {
  const { integration, oldestPendingAt } = health;
  return {
    id: health.id,
    crm: health.crm,
    integration: {
      state: integration.state,
      since: integration.since.toISOString(),
      reason: integration.reason,
    },
    events: {
      pending: health.pending,
      failed: health.failed,
      // service.md §5: while the integration is not active every pending event is held.
      held: integration.state === 'active' ? 0 : health.pending,
    },
    oldestPendingAt: oldestPendingAt?.toISOString() ?? null,
    oldestPendingAgeSec:
      oldestPendingAt === null
        ? null
        : Math.max(0, Math.floor((now.getTime() - oldestPendingAt.getTime()) / 1000)),
    index: { state: health.indexState },
    lastEventAt: health.lastEventAt?.toISOString() ?? null,
  };
}

export function registerProjectListRoute(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Querystring: unknown }>(
    '/v1/projects',
    { config: { access: 'operator' } },
    async (request, reply) => {
      const query = parseOr(ProjectListQuerySchema, request.query, reply, 'query');
      if (!query.ok) return reply;
      const { limit, cursor } = query.value;
      // The cursor is the last id of the previous page: ids are unique and ordered.
      const rows = await ctx.store.listProjectHealth(cursor ?? null, limit + 1);
      const page = rows.slice(0, limit);
      const now = ctx.now();
      const body: ProjectListBody = {
        projects: page.map((health) => projectSummary(health, now)),
        next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
      return reply.send(body);
    },
  );
}
