import type { FastifyInstance } from 'fastify';
import { parseEvent, type Event } from '../../domain/events.js';
import type { JournalEntry } from '../../domain/plan.js';
import type { Matrix } from '../../domain/matrix.js';
import { formatPath, problemsFromZod, type Problem } from '../../domain/problems.js';
import { MatrixSchema } from '../../domain/project.js';
import { fitTexts } from '../../crm/capabilities.js';
import { memoryKey } from '../../domain/memory.js';
import { projectContext } from '../../engine/decide.js';
import { runEvent } from '../../pipeline/run.js';
import { InMemoryLedger } from '../../pipeline/memory-ledger.js';
import type { KeptMemory } from '../../domain/ledger.js';
import { projectOr404, sendProblem, type AdminContext, type ProjectParams } from './context.js';
import type { DryRunBody } from './contracts.js';
import { DryRunPort } from './dry-run-port.js';

// POST /v1/projects/{project}/dry-run (service.md §5): the real pipeline over
// a read-only view of the CRM; nothing is written to the CRM or the store.

export const MAX_EVENTS = 1000;

/** Events as for ingest (service.md §4): one event or an array of at most 1 000, eventId required. */
export function parseEventBody(
  body: unknown,
  prefix: readonly PropertyKey[] = [],
): { ok: true; events: Event[] } | { ok: false; problems: Problem[] } {
  const list = Array.isArray(body) ? body : [body];
  if (list.length > MAX_EVENTS)
    return {
      ok: false,
      problems: [
        {
          path: formatPath(prefix),
          message: `at most ${MAX_EVENTS} events per request, got ${list.length}`,
        },
      ],
    };
  const problems: Problem[] = [];
  const events: Event[] = [];
  list.forEach((item, index) => {
    const parsed = parseEvent(item, Array.isArray(body) ? [...prefix, index] : prefix);
    if (parsed.ok) events.push(parsed.value);
    else problems.push(...parsed.problems);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
}

/**
 * The body of a dry run: events as for ingest, or `{ events, matrix }` to try an unsaved matrix
 * (an extension of service.md, for the admin web app's "what would happen"). An event always has
 * a `type`, so the two forms cannot be confused.
 */
export function parseDryRunBody(
  body: unknown,
): { ok: true; events: Event[]; matrix: Matrix | null } | { ok: false; problems: Problem[] } {
  const wrapped =
    typeof body === 'object' && body !== null && !Array.isArray(body) && !('type' in body);
  if (!wrapped) {
    const parsed = parseEventBody(body);
    return parsed.ok ? { ...parsed, matrix: null } : parsed;
  }
  const { events, matrix, ...rest } = body as Record<string, unknown>;
  const problems: Problem[] = Object.keys(rest).map((key) => ({
    path: key,
    message: 'unknown member: send events and, optionally, matrix',
  }));
  const parsedEvents = parseEventBody(events, ['events']);
  if (!parsedEvents.ok) problems.push(...parsedEvents.problems);
  let tried: Matrix | null = null;
  if (matrix !== undefined && matrix !== null) {
    const parsedMatrix = MatrixSchema.safeParse(matrix);
    if (parsedMatrix.success) tried = parsedMatrix.data;
    else problems.push(...problemsFromZod(parsedMatrix.error, ['matrix']));
  }
  if (problems.length > 0 || !parsedEvents.ok) return { ok: false, problems };
  return { ok: true, events: parsedEvents.events, matrix: tried };
}

export function registerDryRunRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/dry-run',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const parsed = parseDryRunBody(request.body);
      if (!parsed.ok) return sendProblem(reply, 'invalid-events', { problems: parsed.problems });
      const { crm, project: settings, employees } = project.document;
      if (!project.document.connection)
        return sendProblem(reply, 'conflict', {
          detail: 'the project has no connection: a dry run reads the CRM',
        });

      // An unsaved matrix, when sent, stands in for the saved one (or the CRM's default).
      const context = projectContext(
        crm,
        parsed.matrix ? { ...settings, matrix: parsed.matrix } : settings,
        employees,
      );
      const port = new DryRunPort(ctx.crmPort(project.view), crm, {
        defaultCountry: settings.defaultCountry,
        texts: fitTexts(settings.language),
      });
      // Calls under way and events already processed are read from the store, so a dry run of a call's later events sees its start.
      const memories: KeptMemory[] = [];
      const ran: string[] = [];
      for (const event of parsed.events) {
        const key = memoryKey(event);
        if (key && !memories.some((kept) => kept.key === key)) {
          const memory = await ctx.store.getMemory(project.id, key);
          if (memory) memories.push({ key, memory });
        }
        const stored = await ctx.store.getEvent(project.id, event.eventId);
        if (stored && stored.event.state === 'applied') ran.push(event.eventId);
      }
      const ledger = new InMemoryLedger({ memories, ran });
      const journal: JournalEntry[] = [];
      for (const event of parsed.events)
        journal.push((await runEvent(event, { crm: port, project: context, ledger })).entry);
      const body: DryRunBody = { journal };
      return reply.send(body);
    },
  );
}
