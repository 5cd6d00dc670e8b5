import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseEvent, type EmployeeRef } from '../../domain/events.js';
import { storedPhone } from '../../domain/phone.js';
import { Staff } from '../../engine/employees.js';
import type { EmployeeRefEvent } from '../../store/employee-refs.js';
import { parseOr, projectOr404, type AdminContext, type ProjectParams } from './context.js';
import type { UnknownEmployeesBody } from './contracts.js';

// GET /v1/projects/{project}/unknown-employees (issue 14 item 7): the
// extensions, SIP logins and phones that answered or made calls in the stored
// events while no employee of the project is named by them (G15), with how
// often and the last call, so the employees can be fixed.

const MAX_EVENTS = 50_000;

export const UnknownEmployeesQuerySchema = z.strictObject({
  days: z.coerce
    .number()
    .int('expected whole days')
    .min(1, 'expected 1 to 90 days')
    .max(90, 'expected 1 to 90 days')
    .default(30)
    .meta({ description: 'How far back to look, days (default 30)' }),
});

type Item = UnknownEmployeesBody['items'][number];
interface Tally {
  readonly item: Omit<Item, 'calls' | 'events' | 'lastCall'>;
  readonly calls: Set<string>;
  events: number;
  lastCall: Item['lastCall'];
}

/** The identifiers a reference names, in the forms the employees are matched in. */
function identifiers(ref: EmployeeRef, defaultCountry: string | undefined): Tally['item'] {
  return {
    ...(ref.extension !== undefined && { extension: ref.extension }),
    ...(ref.sipLogin !== undefined && { sipLogin: ref.sipLogin.toLowerCase() }),
    ...(ref.phone !== undefined && { phone: storedPhone(ref.phone, defaultCountry) }),
    ...(ref.code !== undefined && { code: ref.code }),
    ...(ref.id !== undefined && { id: ref.id }),
  };
}

/** The report from stored events (newest first): one item per distinct unknown reference. */
export function unknownEmployees(
  events: readonly EmployeeRefEvent[],
  staff: Staff,
  defaultCountry: string | undefined,
): Item[] {
  const tallies = new Map<string, Tally>();
  for (const stored of events) {
    const parsed = parseEvent(JSON.parse(stored.body) as unknown);
    if (!parsed.ok) continue;
    const event = parsed.value;
    const ref = 'employee' in event ? event.employee : undefined;
    if (!ref || staff.find(ref)) continue;
    const item = identifiers(ref, defaultCountry);
    const key = JSON.stringify(item);
    const conversation =
      'callId' in event ? event.callId : 'dialogId' in event ? `dialog:${event.dialogId}` : null;
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        item,
        calls: new Set(),
        events: 0,
        // Newest first: the first event seen is the last call.
        lastCall: {
          at: stored.at.toISOString(),
          type: event.type,
          ...('callId' in event && { callId: event.callId }),
          ...('dialogId' in event && { dialogId: event.dialogId }),
        },
      };
      tallies.set(key, tally);
    }
    tally.events += 1;
    if (conversation) tally.calls.add(conversation);
  }
  return [...tallies.values()]
    .map((tally) => ({
      ...tally.item,
      calls: tally.calls.size,
      events: tally.events,
      lastCall: tally.lastCall,
    }))
    .sort((a, b) => b.calls - a.calls || b.lastCall.at.localeCompare(a.lastCall.at));
}

export function registerUnknownEmployeesRoute(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Params: ProjectParams; Querystring: unknown }>(
    '/v1/projects/:project/unknown-employees',
    { config: { access: 'project' } },
    async (request, reply) => {
      const query = parseOr(UnknownEmployeesQuerySchema, request.query, reply, 'query');
      if (!query.ok) return reply;
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const since = new Date(ctx.now().getTime() - query.value.days * 86_400_000);
      const events = await ctx.store.listEmployeeRefEvents(project.id, {
        since,
        limit: MAX_EVENTS + 1,
      });
      const scanned = events.slice(0, MAX_EVENTS);
      const { defaultCountry } = project.document.project;
      const body: UnknownEmployeesBody = {
        since: since.toISOString(),
        scannedEvents: scanned.length,
        truncated: events.length > MAX_EVENTS,
        items: unknownEmployees(
          scanned,
          new Staff(project.document.employees, defaultCountry),
          defaultCountry,
        ),
      };
      return reply.send(body);
    },
  );
}
