import type { FastifyInstance } from 'fastify';
import type { ConnectionProbe } from '../../crm/descriptor.js';
import type { CrmPort } from '../../crm/port.js';
import type { ConnectionTest } from '../oauth/contracts.js';
import { projectOr404, sendProblem, type AdminContext, type ProjectParams } from './context.js';

// POST /v1/projects/{project}/connection/test: "Test connection" in the admin
// app. The CRM is asked who the credentials belong to; a refusal is an answer
// too (200, ok: false, in the CRM's words), not an error of this API.

function probeOf(port: CrmPort): ConnectionProbe | null {
  const candidate = port as Partial<ConnectionProbe>;
  return typeof candidate.currentUser === 'function' ? (port as CrmPort & ConnectionProbe) : null;
}

export function registerConnectionTestRoute(app: FastifyInstance, ctx: AdminContext): void {
  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/connection/test',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      if (!project.document.connection)
        return sendProblem(reply, 'conflict', {
          detail: 'the project has no connection: connect the CRM first',
        });
      const port = ctx.crmPort(project.view);
      const probe = probeOf(port);
      // A CRM whose keys belong to no user (retailCRM): the user list answering is the test.
      const result = probe
        ? await probe.currentUser()
        : await port.listUsers().then((users) => (users.ok ? { ...users, value: null } : users));
      const body: ConnectionTest = result.ok
        ? { ok: true, user: result.value }
        : { ok: false, kind: result.error.kind, reason: result.error.message };
      return reply.send(body);
    },
  );
}
