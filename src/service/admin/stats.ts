import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CrmRequestCount, HourlyCount } from '../../store/store.js';
import { parseOr, projectOr404, type AdminContext, type ProjectParams } from './context.js';
import type { StatsBody } from './contracts.js';

// GET /v1/projects/{project}/stats?range=24h|7d: the project's events per hour
// by outcome and its CRM requests per hour, for the admin web app's picture of
// the day (issue 13 item 10).
// An extension of service.md, in the OpenAPI document and docs/api.md.

const HOUR_MS = 3_600_000;
export const STATS_RANGES = { '24h': 24, '7d': 7 * 24 } as const;

export const StatsQuerySchema = z.strictObject({
  range: z.enum(Object.keys(STATS_RANGES) as ['24h', '7d']).default('24h'),
});

/** Every hour of the range, oldest first, the current one last, with zeros where nothing happened. */
export function hourlyStats(
  range: keyof typeof STATS_RANGES,
  now: Date,
  counts: readonly HourlyCount[],
  requests: readonly CrmRequestCount[] = [],
) {
  const to = (Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS;
  const hours = STATS_RANGES[range];
  const from = to - hours * HOUR_MS;
  const byHour = new Map<
    number,
    { applied: number; skipped: number; failed: number; crmRequests: number }
  >();
  for (let i = 0; i < hours; i += 1)
    byHour.set(from + i * HOUR_MS, { applied: 0, skipped: 0, failed: 0, crmRequests: 0 });
  for (const { hour, outcome, count } of counts) {
    const bucket = byHour.get(hour.getTime());
    if (bucket) bucket[outcome] += count;
  }
  for (const { hour, requests: sent } of requests) {
    const bucket = byHour.get(hour.getTime());
    if (bucket) bucket.crmRequests += sent;
  }
  return {
    range,
    from: new Date(from),
    to: new Date(to),
    hours: [...byHour].map(([hour, outcomes]) => ({
      hour: new Date(hour).toISOString(),
      ...outcomes,
    })),
  };
}

export function registerStatsRoute(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Params: ProjectParams; Querystring: unknown }>(
    '/v1/projects/:project/stats',
    { config: { access: 'project' } },
    async (request, reply) => {
      const query = parseOr(StatsQuerySchema, request.query, reply, 'query');
      if (!query.ok) return reply;
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const now = ctx.now();
      const empty = hourlyStats(query.value.range, now, []);
      const [counts, requests] = await Promise.all([
        ctx.store.countJournalByHour(project.id, empty.from, empty.to),
        ctx.store.countCrmRequestsByHour(project.id, empty.from, empty.to),
      ]);
      const stats = hourlyStats(query.value.range, now, counts, requests);
      const body: StatsBody = {
        range: stats.range,
        from: stats.from.toISOString(),
        to: stats.to.toISOString(),
        hours: stats.hours,
      };
      return reply.send(body);
    },
  );
}
