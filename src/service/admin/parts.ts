import type { FastifyInstance } from 'fastify';
import { normaliseStopList } from '../../domain/phone.js';
import { MatrixSchema } from '../../domain/project.js';
import type { Problem } from '../../domain/problems.js';
import { CRMS } from '../../crm/registry.js';
import { projectOr404, sendProblem, type AdminContext, type ProjectParams } from './context.js';
import { PART_PATHS, PARTS, type Part } from './contracts.js';
import type { LoadedProject } from './project-store.js';
import { saveDocument } from './save.js';
import { joinSecrets } from './secrets.js';

// GET / PUT /v1/projects/{project}/{part}, DELETE …/matrix (service.md §2).
// A part's PUT replaces that member of the whole document and saves it
// through the same validation, so the rules across parts still hold.

type PartParams = ProjectParams & { part: string };
type Json = Record<string, unknown>;

function isPart(value: string): value is Part {
  return (PARTS as readonly string[]).includes(value);
}

function readAt(doc: Json, path: readonly string[]): unknown {
  let value: unknown = doc;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
  return value;
}

function writeAt(doc: Json, path: readonly string[], value: unknown): Json {
  const out = structuredClone(doc);
  let holder = out;
  for (const key of path.slice(0, -1)) {
    const next = holder[key];
    const child: Json =
      typeof next === 'object' && next !== null && !Array.isArray(next) ? (next as Json) : {};
    holder[key] = child;
    holder = child;
  }
  holder[path[path.length - 1] ?? ''] = value;
  return out;
}

/** Problems named relative to the part sent (`[1].crmUserId`, `baseUrl`), others kept whole. */
function relativeTo(path: readonly string[], problems: Problem[]): Problem[] {
  const prefix = path.join('.');
  return problems.map((problem) => {
    if (problem.path === prefix) return { ...problem, path: '' };
    if (problem.path.startsWith(`${prefix}.`))
      return { ...problem, path: problem.path.slice(prefix.length + 1) };
    if (problem.path.startsWith(`${prefix}[`))
      return { ...problem, path: problem.path.slice(prefix.length) };
    return problem;
  });
}

function partView(project: LoadedProject, part: Part): unknown {
  const value = readAt(project.redacted, PART_PATHS[part]);
  // The matrix in force: null in the document means the CRM's default.
  if (part === 'matrix' && (value === null || value === undefined))
    return MatrixSchema.parse(CRMS[project.document.crm].profile.matrix);
  return value ?? null;
}

/** A stop-list of strings is stored normalised (E.164 where valid); anything else is left for validation to name. */
function stopListAsStored(value: unknown, project: LoadedProject): unknown {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string' && entry.trim()))
    return value;
  return normaliseStopList(value as string[], project.document.project.defaultCountry);
}

export function registerPartRoutes(app: FastifyInstance, ctx: AdminContext): void {
  app.get<{ Params: PartParams }>(
    '/v1/projects/:project/:part',
    { config: { access: 'project' } },
    async (request, reply) => {
      const { part } = request.params;
      if (!isPart(part))
        return sendProblem(reply, 'not-found', {
          detail: `no part "${part}": expected one of ${PARTS.join(', ')}`,
        });
      const project = await projectOr404(ctx, request, reply);
      return project ? reply.send(partView(project, part)) : reply;
    },
  );

  const replacePart = async (projectId: string, part: Part, value: unknown) => {
    const project = await ctx.projects.load(projectId);
    if (!project) return { kind: 'missing' as const };
    const whole = writeAt(
      joinSecrets(project.redacted, project.secrets) as Json,
      PART_PATHS[part],
      part === 'stop-list' ? stopListAsStored(value, project) : value,
    );
    const outcome = await saveDocument(ctx, projectId, whole, project);
    return { kind: 'done' as const, outcome, project };
  };

  app.put<{ Params: PartParams }>(
    '/v1/projects/:project/:part',
    { config: { access: 'project' } },
    async (request, reply) => {
      const { part, project: projectId } = request.params;
      if (!isPart(part))
        return sendProblem(reply, 'not-found', {
          detail: `no part "${part}": expected one of ${PARTS.join(', ')}`,
        });
      const result = await replacePart(projectId, part, request.body ?? null);
      if (result.kind === 'missing')
        return sendProblem(reply, 'not-found', { detail: 'no such project' });
      const { outcome } = result;
      if (outcome.kind === 'invalid')
        return sendProblem(reply, 'invalid-document', {
          problems: relativeTo(PART_PATHS[part], outcome.problems),
        });
      if (outcome.kind === 'conflict')
        return sendProblem(reply, 'conflict', { detail: outcome.detail });
      return reply.send(readAt(outcome.body, PART_PATHS[part]) ?? null);
    },
  );

  app.delete<{ Params: PartParams }>(
    '/v1/projects/:project/:part',
    { config: { access: 'project' } },
    async (request, reply) => {
      const { part, project: projectId } = request.params;
      if (part !== 'matrix')
        return sendProblem(reply, 'method-not-allowed', {
          detail: "only the matrix can be deleted (reset to the CRM's default)",
        });
      const result = await replacePart(projectId, 'matrix', null);
      if (result.kind === 'missing')
        return sendProblem(reply, 'not-found', { detail: 'no such project' });
      if (result.outcome.kind === 'conflict')
        return sendProblem(reply, 'conflict', { detail: result.outcome.detail });
      if (result.outcome.kind === 'invalid')
        return sendProblem(reply, 'invalid-document', { problems: result.outcome.problems });
      return reply.code(204).send();
    },
  );
}
