import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { checkEmployees, checkFieldMaps } from './crm-catalog.js';
import {
  parseOr,
  projectOr404,
  sendProblem,
  type AdminContext,
  type ProjectParams,
} from './context.js';
import { ActivateBodySchema } from './contracts.js';
import { recordOutageTask } from './outage-task.js';
import { statusOf } from './processing.js';
import type { ResendPreviewBodySchema } from './responses.js';
import { windowStartDay } from '../../store/held.js';

type ResendPreviewBody = z.infer<typeof ResendPreviewBodySchema>;

// POST …/integration/deactivate and …/integration/activate (service.md §5, G10).

export function registerIntegrationRoutes(app: FastifyInstance, ctx: AdminContext): void {
  // What "activate with resend" would send and expire, for the confirmation before it (issue 13 item 8).
  app.get<{ Params: ProjectParams }>(
    '/v1/projects/:project/integration/resend-preview',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const { resendWindowDays: windowDays, timezone } = project.document.project;
      const now = ctx.now();
      const held = await ctx.store.previewHeld(project.id, { windowDays, timezone, now });
      const body: ResendPreviewBody = {
        windowDays,
        windowStart: windowStartDay(now, timezone, windowDays),
        resend: { events: held.kept, calls: held.keptCalls },
        expire: { events: held.expired, calls: held.expiredCalls },
      };
      return reply.send(body);
    },
  );

  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/integration/deactivate',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const moved = await ctx.store.moveIntegration(
        project.id,
        'inactive',
        'deactivated by the operator',
        ctx.now(),
      );
      if (!moved.ok) return sendProblem(reply, 'conflict', { detail: moved.message });
      return reply.send(await statusOf(ctx.store, project.id));
    },
  );

  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/integration/activate',
    { config: { access: 'project' } },
    async (request, reply) => {
      const body = parseOr(ActivateBodySchema, request.body, reply, 'body');
      if (!body.ok) return reply;
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const { connection, project: settings } = project.document;
      if (!connection)
        return sendProblem(reply, 'conflict', {
          detail: 'the project has no connection: PUT …/connection first',
        });

      // G10 / G8: the CRM must accept the credentials and the field map before anything is sent; refused, nothing changes.
      const port = ctx.crmPort(project.view);
      const users = await port.listUsers();
      if (!users.ok) {
        const why =
          users.error.kind === 'reauth'
            ? 'the CRM refused the credentials'
            : 'the CRM could not be reached';
        return sendProblem(reply, 'conflict', {
          detail: `${why}: ${users.error.message}; the integration was not activated`,
        });
      }
      const employees = await checkEmployees(port, project.document.employees);
      if (employees.ok && employees.problems.length > 0)
        return sendProblem(reply, 'conflict', {
          detail:
            "an employee's crmUserId is not a user of the CRM; the integration was not activated",
          problems: employees.problems,
        });
      const fields = await checkFieldMaps(port, settings);
      if (!fields.ok)
        return sendProblem(reply, 'conflict', {
          detail: `the CRM's fields could not be read: ${fields.message}; the integration was not activated`,
        });
      if (fields.problems.length > 0)
        return sendProblem(reply, 'conflict', {
          detail: 'the field map does not fit the CRM; the integration was not activated',
          problems: fields.problems,
        });

      const integration = await ctx.store.getIntegration(project.id);
      if (integration && integration.state !== 'active') {
        // Held events are resolved before the state moves, so no worker sends one that should expire (G10).
        const now = ctx.now();
        const held = await ctx.store.resolveHeld(project.id, {
          resend: body.value.resend,
          windowDays: settings.resendWindowDays,
          timezone: settings.timezone,
          now,
        });
        const moved = await ctx.store.moveIntegration(project.id, 'active', null, now);
        if (!moved.ok) return sendProblem(reply, 'conflict', { detail: moved.message });
        // Issue 11 item 6 (d): back from broken with resend, the top manager is told in the CRM.
        if (integration.state === 'broken' && body.value.resend)
          await recordOutageTask(ctx.store, project.document, {
            projectId: project.id,
            downMs: now.getTime() - integration.since.getTime(),
            resent: held.keptCalls,
            expired: held.expiredCalls,
            now,
          });
        await ctx.hooks.integrationActivated?.(project.id);
      }
      return reply.send(await statusOf(ctx.store, project.id));
    },
  );
}
