import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { projectContext } from '../../engine/decide.js';
import {
  parseOr,
  projectOr404,
  sendProblem,
  type AdminContext,
  type ProjectParams,
  type ReplayLimits,
} from './context.js';
import { parseDocument } from './document.js';
import type { LoadedProject } from './project-store.js';
import { ReplayRequestSchema, type ReplayLine, type ReplayRequest } from './replay-contract.js';
import { replayLines } from './replay-run.js';
import { joinSecrets } from './secrets.js';
import type { ProjectDocument } from './document.js';
import type { Problem } from '../../domain/problems.js';

// POST /v1/projects/{project}/replay: what a candidate matrix (or field map,
// pipeline rules, employees…) would have done with the events of a past range,
// against the client context each was decided on. Writes nothing, asks no CRM.
// Bounded before it starts (range, event count), then streamed as NDJSON.

/** One replay's bounds: a month of events, at most 100 000 of them . */
export const REPLAY_LIMITS: ReplayLimits = { maxDays: 31, maxEvents: 100_000 };

const DAY_MS = 86_400_000;

export function registerReplayRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.post<{ Params: ProjectParams }>(
    '/v1/projects/:project/replay',
    { config: { access: 'project' } },
    async (request, reply) => {
      const project = await projectOr404(ctx, request, reply);
      if (!project) return reply;
      const parsed = parseOr(ReplayRequestSchema, request.body, reply, 'body');
      if (!parsed.ok) return reply;
      const body = parsed.value;
      const range = { from: new Date(body.from), to: new Date(body.to) };
      const rangeProblem = checkRange(range, ctx.replayLimits.maxDays);
      if (rangeProblem) return sendProblem(reply, 'invalid-request', { problems: [rangeProblem] });

      const candidate = candidateDocument(project, body);
      if (!candidate.ok)
        return sendProblem(reply, 'invalid-document', {
          detail: 'the candidate project is not valid',
          problems: candidate.problems,
        });

      const count = await ctx.store.countDecided(project.id, range);
      if (count.withoutContext > 0)
        return sendProblem(reply, 'replay-refused', {
          detail:
            `${count.withoutContext} of the ${count.events} events in the range were decided before ` +
            `Callmatrix kept what each event was decided on (the last of them at ${count.lastWithoutContext?.toISOString() ?? '?'}): ` +
            'they cannot be replayed exactly; choose a range after it',
        });
      const { maxEvents } = ctx.replayLimits;
      if (count.events > maxEvents)
        return sendProblem(reply, 'replay-refused', {
          detail: `the range holds ${count.events} events; one replay takes at most ${maxEvents}: narrow the range`,
        });

      const { crm, project: settings, employees } = candidate.value;
      const lines = replayLines(
        ctx.store,
        project.id,
        range,
        projectContext(crm, settings, employees),
      );
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .send(
          Readable.from(
            ndjson(lines, (error) => request.log.error({ err: error }, 'replay failed')),
          ),
        );
    },
  );
}

function checkRange(range: { from: Date; to: Date }, maxDays: number): Problem | null {
  if (range.to.getTime() < range.from.getTime())
    return { path: 'body.to', message: 'must not be before `from`' };
  if (range.to.getTime() - range.from.getTime() > maxDays * DAY_MS)
    return { path: 'body.to', message: `a replay covers at most ${maxDays} days: split the range` };
  return null;
}

/** The stored document with the request's members in place, validated as a saved one would be. */
function candidateDocument(
  project: LoadedProject,
  body: ReplayRequest,
): { ok: true; value: ProjectDocument } | { ok: false; problems: Problem[] } {
  const whole = joinSecrets(project.redacted, project.secrets) as Record<string, unknown>;
  const settings = (whole['project'] ?? {}) as Record<string, unknown>;
  const document = {
    ...whole,
    project: { ...settings, ...body.project },
    ...(body.employees !== undefined && { employees: body.employees }),
  };
  const parsed = parseDocument(document);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems };
}

/** One JSON object per line; a failure under way becomes a last `error` line (the status is already sent). */
async function* ndjson(
  lines: AsyncIterable<ReplayLine>,
  log: (error: unknown) => void,
): AsyncGenerator<string> {
  try {
    for await (const line of lines) yield `${JSON.stringify(line)}\n`;
  } catch (error) {
    log(error);
    const failure: ReplayLine = { kind: 'error', message: 'the replay stopped: the store failed' };
    yield `${JSON.stringify(failure)}\n`;
  }
}
