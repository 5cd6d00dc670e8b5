import { z } from 'zod';

// POST /v1/projects/{project}/replay: the request, and the NDJSON lines of the
// answer (one JSON object per line, `kind` saying which). Written in zod once:
// the route parses the request with it and the OpenAPI document shows both.

const isoTime = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 time with offset, e.g. 2026-05-01T10:00:00Z',
});

export const ReplayRequestSchema = z
  .strictObject({
    from: isoTime.meta({ description: "Inclusive lower bound on the events' `at`" }),
    to: isoTime.meta({ description: "Inclusive upper bound on the events' `at`" }),
    project: z.record(z.string(), z.unknown()).optional().meta({
      description:
        'Members of the project settings to try instead of the stored ones (`matrix`, `fieldMap`, `pipelineRules`, `taskDueHours`, `language`, …), each replacing the stored member whole',
    }),
    employees: z
      .array(z.unknown())
      .optional()
      .meta({ description: 'The employees to try instead of the stored ones' }),
  })
  .meta({
    description:
      'A time range and a candidate: the stored project document with these members replaced',
  });
export type ReplayRequest = z.infer<typeof ReplayRequestSchema>;

const ShownOperationSchema = z.object({ op: z.string() }).catchall(z.unknown()).meta({
  description:
    'A neutral operation without its key; a reference to an operation of the same plan reads `@op:KIND#RANK`',
});

const EventDiffSchema = z.object({
  eventId: z.string(),
  type: z.string(),
  /** Present when the outcome would differ. */
  outcome: z.object({ before: z.string(), after: z.string() }).optional(),
  added: z.array(ShownOperationSchema),
  removed: z.array(ShownOperationSchema),
  changed: z.array(z.object({ before: ShownOperationSchema, after: ShownOperationSchema })),
});

export const ReplayLineSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('call'),
      callId: z
        .string()
        .nullable()
        .meta({ description: 'null: an event of no call (a form, a dialog…)' }),
      events: z.number().int().meta({ description: 'Events of the call replayed' }),
      changes: z.array(EventDiffSchema).meta({ description: 'The events that would differ' }),
    }),
    z.object({
      kind: z.literal('totals'),
      events: z.number().int(),
      calls: z.number().int(),
      callsDiffering: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      outcomes: z.number().int().meta({ description: 'Events whose outcome would differ' }),
      undecided: z
        .number()
        .int()
        .meta({ description: 'Events that failed before they were decided: not replayed' }),
    }),
    z.object({ kind: z.literal('error'), message: z.string() }),
  ])
  .meta({
    description:
      'One line of the NDJSON answer: a `call` line per call (or event of no call) that would differ, then one `totals` line; an `error` line ends a replay the store failed under way',
  });
export type ReplayLine = z.infer<typeof ReplayLineSchema>;
export type EventDiff = z.infer<typeof EventDiffSchema>;
