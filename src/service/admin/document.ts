import { z } from 'zod';
import {
  AlertSettingsSchema,
  DEFAULT_ALERT_SETTINGS,
  type AlertSettings,
} from '../../domain/alerts.js';
import { CRM_IDS, type CrmId } from '../../domain/crm-id.js';
import { problemsFromZod, type Parsed, type Problem } from '../../domain/problems.js';
import {
  EmployeesSchema,
  ProjectSettingsSchema,
  type Employee,
  type ProjectSettings,
} from '../../domain/project.js';
import { twilio } from '../../sources/twilio/index.js';
import { zadarma } from '../../sources/zadarma/index.js';
import { isMemoryKind, MemoryConnectionSchema } from '../../crm/memory/index.js';
import { CRMS } from '../../crm/registry.js';
import { alertUrlRefusal } from '../../worker/alerts/target.js';
import { connectionUrlProblems, type Connection } from './connection.js';

// The project document of service.md §2, validated whole: settings and
// employees with the engine's own schemas, the connection with its CRM's
// schema and the URL rule, the webhook secrets, each source's settings.

/** What GET shows for every secret, and what a PUT sends to keep one (service.md §2). */
export const REDACTED = 'redacted';

export const PROJECT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Telephony sources a document may configure, and which of their members are secrets. */
export const SOURCE_SETTINGS: Readonly<
  Record<string, { readonly schema: z.ZodType; readonly secrets: readonly string[] }>
> = {
  twilio: { schema: twilio.settings, secrets: ['authToken'] },
  zadarma: { schema: zadarma.settings, secrets: ['apiSecret'] },
};

export const WebhookSchema = z.strictObject({
  token: z
    .string()
    .min(16, 'expected a token of at least 16 characters')
    .max(512)
    .regex(/^\S+$/, 'a token may not contain spaces'),
  signingSecret: z
    .string()
    .regex(
      /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/,
      'expected whsec_ followed by a base64 key of at least 12 bytes',
    ),
});
export type WebhookSecrets = z.infer<typeof WebhookSchema>;

const DocumentShape = z.strictObject({
  crm: z.enum(CRM_IDS, {
    error: (issue) => `expected one of ${CRM_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
  }),
  project: ProjectSettingsSchema.default(ProjectSettingsSchema.parse({})),
  employees: EmployeesSchema.default([]),
  connection: z.unknown().optional(),
  webhook: WebhookSchema,
  sources: z.record(z.string(), z.unknown()).default({}),
  alerts: AlertSettingsSchema.default(DEFAULT_ALERT_SETTINGS),
});

export interface ProjectDocument {
  readonly crm: CrmId;
  readonly project: ProjectSettings;
  readonly employees: Employee[];
  /** Null until the operator connects a CRM (the integration stays inactive). */
  readonly connection: Connection | null;
  readonly webhook: WebhookSecrets;
  readonly sources: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Issue 11 item 6: the alert webhook and the failed-events threshold. */
  readonly alerts: AlertSettings;
}

export interface ParseOptions {
  /** CALLMATRIX_ALLOW_CRM_HOSTS; undefined skips the URL rule (a stored document was checked when saved). */
  readonly allowHosts?: readonly string[];
}

/**
 * `$schema` (for editors) and `$comment` members at any depth (notes, as `callmatrix
 * init` writes them) are annotations, not part of the project: dropped before validation.
 */
export function withoutAnnotations(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(withoutAnnotations);
  if (typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(
    Object.entries(input)
      .filter(([key]) => key !== '$schema' && key !== '$comment')
      .map(([key, value]) => [key, withoutAnnotations(value)]),
  );
}

/** Every problem of the document at once, each named by its path (`connection.baseUrl`, `employees[1].crmUserId`). */
export function parseDocument(
  annotated: unknown,
  options: ParseOptions = {},
): Parsed<ProjectDocument> {
  const input = withoutAnnotations(annotated);
  const shape = DocumentShape.safeParse(input);
  if (!shape.success) {
    const problems = problemsFromZod(shape.error);
    // The connection is checked against its CRM's schema even while other parts are wrong, so one answer names everything.
    const crm = (input as { crm?: unknown } | null)?.crm;
    const raw = (input as { connection?: unknown } | null)?.connection;
    if (
      typeof crm === 'string' &&
      (CRM_IDS as readonly string[]).includes(crm) &&
      raw !== undefined &&
      raw !== null
    ) {
      problems.push(...parseConnection(crm as CrmId, raw, options).problems);
    }
    return { ok: false, problems };
  }
  const { crm, project, employees, webhook, sources, alerts } = shape.data;
  const problems: Problem[] = [];
  if (alerts.url !== undefined && options.allowHosts) {
    const refusal = alertUrlRefusal(crm, alerts.url, options.allowHosts);
    if (refusal) problems.push({ path: 'alerts.url', message: refusal });
  }
  let connection: Connection | null = null;
  if (shape.data.connection !== undefined && shape.data.connection !== null) {
    const parsed = parseConnection(crm, shape.data.connection, options);
    problems.push(...parsed.problems);
    connection = parsed.connection;
  }
  const boundSources: Record<string, Record<string, unknown>> = {};
  for (const [name, settings] of Object.entries(sources)) {
    const known = SOURCE_SETTINGS[name];
    if (!known) {
      problems.push({
        path: `sources.${name}`,
        message: `unknown source "${name}": expected one of ${Object.keys(SOURCE_SETTINGS).join(', ')}`,
      });
      continue;
    }
    const parsed = known.schema.safeParse(settings);
    if (parsed.success) boundSources[name] = parsed.data as Record<string, unknown>;
    else problems.push(...problemsFromZod(parsed.error, ['sources', name]));
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { crm, project, employees, connection, webhook, sources: boundSources, alerts },
  };
}

export function parseConnection(
  crm: CrmId,
  input: unknown,
  options: ParseOptions,
  prefix = 'connection',
): { connection: Connection | null; problems: Problem[] } {
  const schema: z.ZodType = isMemoryKind(input)
    ? MemoryConnectionSchema
    : CRMS[crm].connectionSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return { connection: null, problems: problemsFromZod(parsed.error, [prefix]) };
  const connection = parsed.data as Connection;
  const problems = options.allowHosts
    ? connectionUrlProblems(crm, connection, options.allowHosts, prefix)
    : [];
  return { connection: problems.length === 0 ? connection : null, problems };
}
