import { z } from 'zod';
import type { Outcome } from '../../domain/plan.js';
import type {
  DryRunBodySchema,
  EventBodySchema,
  FieldsBodySchema,
  JournalBodySchema,
  JournalItemSchema,
  KeyCreatedBodySchema,
  OperatorKeysBodySchema,
  PipelinesBodySchema,
  ProjectListBodySchema,
  ProjectSummarySchema,
  RetriedEventsBodySchema,
  RouteBodySchema,
  RouteEmployeeSchema,
  StatsBodySchema,
  StatusBodySchema,
  UnknownEmployeesBodySchema,
  UsersBodySchema,
} from './responses.js';

// The admin API's contracts (style.md §2.11): request schemas, and response
// types inferred from the response schemas in ./responses.ts. Errors are
// problem+json bodies (src/sources/common/problem.ts).

/** The parts of a project document that have their own path (service.md §2). */
export const PARTS = [
  'employees',
  'matrix',
  'field-map',
  'pipeline-rules',
  'stop-list',
  'working-hours',
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
  'working-hours': ['project', 'workingHours'],
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

export type StatusBody = z.output<typeof StatusBodySchema>;
export type JournalItem = z.output<typeof JournalItemSchema>;
export type JournalBody = z.output<typeof JournalBodySchema>;
export type EventBody = z.output<typeof EventBodySchema>;
export type RetriedEventsBody = z.output<typeof RetriedEventsBodySchema>;
export type KeyCreatedBody = z.output<typeof KeyCreatedBodySchema>;
export type OperatorKeysBody = z.output<typeof OperatorKeysBodySchema>;
export type DryRunBody = z.output<typeof DryRunBodySchema>;
export type UsersBody = z.output<typeof UsersBodySchema>;
export type PipelinesBody = z.output<typeof PipelinesBodySchema>;
export type FieldsBody = z.output<typeof FieldsBodySchema>;
export type RouteEmployee = z.output<typeof RouteEmployeeSchema>;
export type RouteBody = z.output<typeof RouteBodySchema>;
export type ProjectSummary = z.output<typeof ProjectSummarySchema>;
export type ProjectListBody = z.output<typeof ProjectListBodySchema>;
export type StatsBody = z.output<typeof StatsBodySchema>;
export type UnknownEmployeesBody = z.output<typeof UnknownEmployeesBodySchema>;
