import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CrmPort } from '../../crm/port.js';
import { problemsFromZod } from '../../domain/problems.js';
import type { Store } from '../../store/store.js';
import type { Access, Principal } from '../auth/access.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { OAuthApps } from '../oauth/apps.js';
import type { LoadedProject, ProjectStore } from './project-store.js';
import type { ProjectView } from '../../worker/project.js';
import { sendProblem } from '../ingest/reply.js';

// What every admin route group is handed, and the few helpers they share.

export interface AdminHooks {
  /** The integration became active (PUT with a first connection, or activate): load the phone index (G13). */
  integrationActivated?(projectId: string): void | Promise<void>;
  /** A project was replaced or deleted: drop whatever the caller caches about it. */
  projectChanged?(projectId: string): void;
}

export interface AdminDeps {
  readonly store: Store;
  readonly secretBox: SecretBox;
  /** CALLMATRIX_ALLOW_CRM_HOSTS, parsed (connection.ts `parseAllowHosts`). */
  readonly allowCrmHosts: readonly string[];
  /** Builds the project's CRM adapter from its connection (the caller owns the adapter registry: `(p) => registry.portFor(p)`). */
  readonly crmPort: (project: ProjectView) => CrmPort;
  /** Shared with ingest so both read projects through one cache; created when absent. */
  readonly projects?: ProjectStore;
  readonly now?: () => Date;
  readonly hooks?: AdminHooks;
  /** The OAuth apps "Connect" uses (settings, docs/oauth.md); none: Connect answers 501. */
  readonly oauth?: OAuthApps;
  /** Bounds of one replay (POST …/replay); the defaults of ./replay.ts when absent. */
  readonly replayLimits?: ReplayLimits;
}

export interface ReplayLimits {
  /** The longest range, in days. */
  readonly maxDays: number;
  /** The most journal rows (events) in the range. */
  readonly maxEvents: number;
}

export interface AdminContext {
  readonly store: Store;
  readonly projects: ProjectStore;
  readonly allowCrmHosts: readonly string[];
  readonly crmPort: (project: ProjectView) => CrmPort;
  readonly now: () => Date;
  readonly hooks: AdminHooks;
  readonly replayLimits: ReplayLimits;
}

/** Who may call a route: an admin access level, `route` (webhook secrets or API keys, G13) or `public`. */
export type RouteAccess = Access | 'route' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The service's one problem+json helper (ingest's), for the admin routes. */
export { sendProblem };

export type ProjectParams = { project: string };

/** The project of the URL, or a 404 sent (an unknown id and one the key may not see answer alike). */
export async function projectOr404(
  ctx: AdminContext,
  request: FastifyRequest<{ Params: ProjectParams }>,
  reply: FastifyReply,
): Promise<LoadedProject | null> {
  const project = await ctx.projects.load(request.params.project);
  if (!project) void sendProblem(reply, 'not-found', { detail: 'no such project' });
  return project;
}

/** Parses query or a small body with a strict schema; on failure sends 400 naming each field (documents and events have their own 422). */
export function parseOr<T>(
  schema: z.ZodType<T>,
  input: unknown,
  reply: FastifyReply,
  where: 'query' | 'body',
): { ok: true; value: T } | { ok: false } {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = problemsFromZod(parsed.error, [where]);
  void sendProblem(reply, 'invalid-request', { problems });
  return { ok: false };
}
