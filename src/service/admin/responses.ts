import { z } from 'zod';
import { ACTIONS, CONDITIONS } from '../../domain/matrix.js';
import { ENTITY_OF, type JournalEntry, type OpName } from '../../domain/plan.js';
import { UserSchema } from '../../domain/snapshot.js';
import { EVENT_STATES, INTEGRATION_STATES } from '../../store/states.js';

// The admin API's response bodies as zod schemas: contracts.ts infers its
// types from them and the OpenAPI document turns them into JSON Schema, so
// each shape is written once. The routes build these bodies from typed store
// results; nothing parses them at run time.

const OP_NAMES = Object.keys(ENTITY_OF) as [OpName, ...OpName[]];
const ENTITIES = [...new Set(Object.values(ENTITY_OF))] as [
  (typeof ENTITY_OF)[OpName],
  ...(typeof ENTITY_OF)[OpName][],
];
const OUTCOMES = ['applied', 'skipped', 'failed'] as const;
const isoTime = z.iso.datetime();

/** A journal entry, scenario-format §5. */
export const JournalEntrySchema = z.object({
  eventId: z.string(),
  type: z.string().meta({ description: 'The event type, e.g. call.ended' }),
  conditions: z.array(z.enum(CONDITIONS)).meta({ description: 'Matrix rows that fired' }),
  outcome: z.enum(OUTCOMES),
  reason: z.string().optional().meta({ description: 'Why it was skipped or failed' }),
  operations: z.array(
    z.object({
      op: z.enum(OP_NAMES),
      entity: z.enum(ENTITIES),
      id: z.string().meta({ description: "The record's id in the CRM" }),
      reason: z.string().optional().meta({
        description: 'Why, where the operation has one (complete_task: how the client was reached)',
      }),
      notes: z.array(z.string()).optional().meta({
        description:
          'What of the record was left out when written: a mapped value its picklist lacks',
      }),
    }),
  ),
  skipped: z
    .array(z.object({ action: z.enum([...ACTIONS, 'call_log', 'notify']), reason: z.string() }))
    .optional(),
  redecided: z
    .object({
      previous: z.array(
        z.object({
          op: z.enum(OP_NAMES),
          entity: z.enum(ENTITIES),
          id: z.string().nullable().meta({ description: 'Its CRM id when it had landed' }),
        }),
      ),
    })
    .optional()
    .meta({
      description:
        "A person's retry decided the event again from the current settings: the plan stored before; `operations` is what ran",
    }),
});

/** A journal entry as the API lists it: with the event's `at` (service.md §5). */
export const JournalItemSchema = JournalEntrySchema.extend({
  at: isoTime.meta({ description: "The event's own time" }),
  caller: z.string().optional().meta({
    description:
      "An extension of service.md: the client's phone the entry concerns (E.164 where valid; the least when it names several), absent when it names none. In the journal list only.",
  }),
});

export const JournalBodySchema = z.object({
  entries: z.array(JournalItemSchema),
  next: z.string().nullable().meta({ description: 'Cursor of the next page; null on the last' }),
});

const IntegrationSchema = z.object({
  state: z.enum(INTEGRATION_STATES),
  since: isoTime,
  reason: z.string().nullable().meta({ description: "Why it is broken: the CRM's refusal" }),
});

const IndexStateSchema = z.enum(['loading', 'ready', 'failed']);

export const StatusBodySchema = z.object({
  integration: IntegrationSchema,
  events: z.object(
    Object.fromEntries(EVENT_STATES.map((state) => [state, z.number().int()])) as Record<
      (typeof EVENT_STATES)[number],
      z.ZodNumber
    >,
  ),
  index: z.object({
    state: IndexStateSchema,
    phones: z.number().int().meta({ description: 'Distinct phones in the index' }),
    reason: z
      .string()
      .optional()
      .meta({ description: 'Why the last index load failed (with `failed` only)' }),
  }),
});

const HeldCountSchema = z.object({
  events: z.number().int(),
  calls: z.number().int().meta({ description: 'Calls and dialogs those events belong to' }),
});

export const ResendPreviewBodySchema = z.object({
  windowDays: z.number().int().meta({ description: "The project's resendWindowDays" }),
  windowStart: z.string().meta({
    description: "The first calendar day of the window (YYYY-MM-DD, the project's time zone)",
  }),
  resend: HeldCountSchema.meta({
    description:
      'Waiting events an activation with resend sends: their call began inside the window',
  }),
  expire: HeldCountSchema.meta({
    description:
      'Waiting events an activation with resend expires: their call began before the window',
  }),
});

export const EventBodySchema = z.object({
  eventId: z.string(),
  state: z.enum(EVENT_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  journal: JournalItemSchema.nullable(),
});

export const RetriedEventsBodySchema = z.object({
  retried: z
    .number()
    .int()
    .meta({ description: 'Failed events put back to pending (0 when none was failed)' }),
});

export const KeyCreatedBodySchema = z.object({
  key: z.string().meta({ description: 'The key, shown this once' }),
  id: z.string().meta({
    description:
      'For DELETE /v1/projects/{project}/keys/{keyId} or DELETE /v1/operator-keys/{keyId}',
  }),
});

export const OperatorKeysBodySchema = z.object({
  keys: z.array(
    z.object({
      id: z.string().meta({ description: 'For DELETE /v1/operator-keys/{keyId}' }),
      origin: z.enum(['environment', 'generated', 'api', 'earlier']).meta({
        description:
          'CALLMATRIX_ADMIN_KEY, created at first start, created through the API, or stored before origins were kept',
      }),
      createdAt: isoTime,
    }),
  ),
});

export const DryRunBodySchema = z.object({ journal: z.array(JournalEntrySchema) });

export const UsersBodySchema = z.object({ users: z.array(UserSchema) });
export const PipelinesBodySchema = z.object({
  pipelines: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const FieldsBodySchema = z.object({
  fields: z.array(
    z.object({
      name: z.string().meta({ description: "What a project's field map names as the target" }),
      label: z.string().optional(),
      type: z.enum(['string', 'number', 'date', 'boolean', 'picklist', 'other']),
      values: z
        .array(z.string())
        .optional()
        .meta({ description: "A picklist's values, as a field map's fieldValues may name them" }),
    }),
  ),
});

export const RouteEmployeeSchema = z.object({
  id: z.string(),
  name: z.string(),
  extension: z.string().nullable(),
  sipLogins: z.array(z.string()),
  phones: z.array(z.string()),
});

export const RouteBodySchema = z.discriminatedUnion('match', [
  z.object({
    match: z.literal(true),
    employee: RouteEmployeeSchema,
    record: z.object({ entity: z.enum(['deals', 'leads', 'contacts']), id: z.string() }),
  }),
  z.object({ match: z.literal(false) }),
]);

export const AcceptedBodySchema = z.object({
  accepted: z.number().int().meta({ description: 'New events stored' }),
  duplicates: z.number().int().meta({ description: 'Events whose eventId was already stored' }),
});

/** One project in `GET /v1/projects`: its health at a glance (an extension of service.md). */
export const ProjectSummarySchema = z.object({
  id: z.string(),
  crm: z.string(),
  integration: IntegrationSchema,
  events: z.object({
    pending: z.number().int().meta({ description: 'Waiting to be applied, held ones included' }),
    failed: z.number().int().meta({ description: 'Given up after retries; retryable' }),
    held: z
      .number()
      .int()
      .meta({ description: 'Pending while the integration is broken or inactive' }),
  }),
  oldestPendingAt: isoTime
    .nullable()
    .meta({ description: 'When the oldest pending event was received; null when none' }),
  oldestPendingAgeSec: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Its age in seconds at the time of the answer' }),
  index: z.object({ state: IndexStateSchema }),
  lastEventAt: isoTime
    .nullable()
    .meta({ description: 'When the last event was received; null when none yet' }),
});

export const ProjectListBodySchema = z.object({
  projects: z.array(ProjectSummarySchema),
  next: z.string().nullable().meta({ description: 'Cursor of the next page; null on the last' }),
});

/** `GET …/stats`: the project's journal by hour of the events' `at`, and its CRM requests by hour (an extension of service.md). */
export const StatsBodySchema = z.object({
  range: z.enum(['24h', '7d']),
  from: isoTime.meta({ description: 'Start of the first hour (UTC), inclusive' }),
  to: isoTime.meta({ description: 'End of the last hour, the current one (UTC), exclusive' }),
  hours: z
    .array(
      z.object({
        hour: isoTime.meta({ description: 'Start of the hour (UTC)' }),
        applied: z.number().int(),
        skipped: z.number().int(),
        failed: z.number().int(),
        crmRequests: z.number().int().optional().meta({
          description:
            "HTTP requests sent to the project's CRM in this hour (every process's, written every few seconds)",
        }),
      }),
    )
    .meta({ description: 'Every hour of the range, oldest first, zeros included' }),
});

/** GET …/unknown-employees (issue 14 item 7): references on calls that name no employee. */
export const UnknownEmployeeSchema = z.object({
  extension: z.string().optional(),
  sipLogin: z.string().optional().meta({ description: 'Lower case, as employees are matched' }),
  phone: z.string().optional().meta({ description: 'E.164 when valid, else as sent' }),
  code: z.string().optional(),
  id: z.string().optional(),
  calls: z.number().int().meta({ description: 'Distinct calls (or messenger dialogs) it was on' }),
  events: z.number().int().meta({ description: 'Events that named it' }),
  lastCall: z.object({
    at: isoTime,
    type: z.string().meta({ description: 'The event type, e.g. call.answered' }),
    callId: z.string().optional(),
    dialogId: z.string().optional(),
  }),
});

export const UnknownEmployeesBodySchema = z.object({
  since: isoTime.meta({ description: 'The events read are those of this time and later' }),
  scannedEvents: z.number().int().meta({ description: 'Stored events that named an employee' }),
  truncated: z.boolean().meta({
    description: 'True when the newest 50 000 such events were read and older ones left out',
  }),
  items: z.array(UnknownEmployeeSchema).meta({ description: 'Most calls first' }),
});

// The domain's JournalEntry is the engine's type; this keeps the API's schema from drifting from it.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export const journalEntryMatchesDomain: Same<
  Defined<z.output<typeof JournalEntrySchema>>,
  Defined<JournalEntry>
> = true;
