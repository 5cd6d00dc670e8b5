import { z } from 'zod';
import type { JournalEntry, Outcome } from '../../domain/plan.js';
import type { User } from '../../domain/snapshot.js';
import type { EventState, IntegrationStateName } from '../../store/states.js';
import type { CrmField, CrmPipeline } from './crm-catalog.js';

// The admin API's contracts (style.md §2.11): request schemas and response
// shapes, imported by the server and by a future admin UI. Errors are
// problem+json bodies (src/sources/shared/problem.ts).

/** The parts of a project document that have their own path (service.md §2). */
export const PARTS = [
  'employees',
  'matrix',
  'field-map',
  'pipeline-rules',
  'stop-list',
  'connection',
] as const;
export type Part = (typeof PARTS)[number];

/** Where each part lives in the document. */
export const PART_PATHS: Record<Part, readonly string[]> = {
  employees: ['employees'],
  matrix: ['project', 'matrix'],
  'field-map': ['project', 'fieldMap'],
  'pipeline-rules': ['project', 'pipelineRules'],
  'stop-list': ['project', 'stopList'],
  connection: ['connection'],
};

export const OUTCOMES = ['applied', 'skipped', 'failed'] as const satisfies readonly Outcome[];

const isoTime = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 time with offset, e.g. 2026-05-01T10:00:00Z',
});

/** `GET …/journal` query (service.md §5). */
export const JournalQuerySchema = z.strictObject({
  callId: z.string().min(1).max(200).optional(),
  phone: z.string().min(1).max(64).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  limit: z.coerce
    .number({ error: 'expected a whole number 1..1000' })
    .int()
    .min(1)
    .max(1000)
    .optional(),
  cursor: z.string().min(1).max(500).optional(),
});
export type JournalQueryInput = z.infer<typeof JournalQuerySchema>;

export const ActivateBodySchema = z.strictObject({
  resend: z.boolean({ error: 'expected true or false' }).default(true),
});
export type ActivateBody = z.infer<typeof ActivateBodySchema>;

export const FieldsQuerySchema = z.strictObject({
  entity: z.enum(['lead', 'contact', 'deal'], { error: 'expected entity=lead|contact|deal' }),
});

export const RouteQuerySchema = z.strictObject({
  caller: z.string().min(1, "expected the caller's phone").max(64),
});

export interface StatusBody {
  readonly integration: {
    readonly state: IntegrationStateName;
    readonly since: string;
    readonly reason: string | null;
  };
  readonly events: Record<EventState, number>;
  readonly index: { readonly state: 'loading' | 'ready'; readonly phones: number };
}

export type JournalItem = JournalEntry & { readonly at: string };

export interface JournalBody {
  readonly entries: JournalItem[];
  readonly next: string | null;
}

export interface EventBody {
  readonly eventId: string;
  readonly state: EventState;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly journal: JournalItem | null;
}

export interface KeyCreatedBody {
  readonly key: string;
  /** For `DELETE /v1/projects/{project}/keys/{id}`. */
  readonly id: string;
}

export interface DryRunBody {
  readonly journal: JournalEntry[];
}

export interface UsersBody {
  readonly users: User[];
}
export interface PipelinesBody {
  readonly pipelines: CrmPipeline[];
}
export interface FieldsBody {
  readonly fields: CrmField[];
}

export interface RouteEmployee {
  readonly id: string;
  readonly name: string;
  readonly extension: string | null;
  readonly sipLogins: string[];
  readonly phones: string[];
}

export type RouteBody =
  | {
      readonly match: true;
      readonly employee: RouteEmployee;
      readonly record: { readonly entity: 'deals' | 'leads' | 'contacts'; readonly id: string };
    }
  | { readonly match: false };
