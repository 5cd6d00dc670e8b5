import { z } from 'zod';
import { CRM_IDS, type CrmId } from './crm-id.js';
import { parseEvent, type Event } from './events.js';
import { problemsFromZod, type Parsed, type Problem } from './problems.js';
import {
  EmployeesSchema,
  ProjectSettingsSchema,
  type Employee,
  type ProjectSettings,
} from './project.js';
import { SnapshotSchema, type Snapshot } from './snapshot.js';

// The scenario file of scenario-format §2: a project document plus crm_state and events.

export interface Scenario {
  readonly crm: CrmId;
  readonly settings: ProjectSettings;
  readonly employees: Employee[];
  readonly crmState: Snapshot;
  readonly events: Event[];
}

const DocumentSchema = z.looseObject({
  crm: z.enum(CRM_IDS, {
    error: (issue) => `expected one of ${CRM_IDS.join(', ')}, got ${JSON.stringify(issue.input)}`,
  }),
  project: ProjectSettingsSchema.default(ProjectSettingsSchema.parse({})),
  employees: EmployeesSchema.default([]),
  crm_state: SnapshotSchema.default(SnapshotSchema.parse({})),
  events: z.array(z.unknown()).default([]),
  // Members of the project document that simulate ignores (service.md §2).
  connection: z.unknown().optional(),
  webhook: z.unknown().optional(),
  sources: z.unknown().optional(),
  // Optional extensions: a line saying what the scenario shows, and the test suite's expectations.
  description: z.string().optional(),
  expect: z.unknown().optional(),
});

export function parseScenario(input: unknown): Parsed<Scenario> {
  const parsed = DocumentSchema.safeParse(input);
  const problems: Problem[] = parsed.success ? [] : problemsFromZod(parsed.error);
  const rawEvents = Array.isArray((input as { events?: unknown } | null)?.events)
    ? (input as { events: unknown[] }).events
    : [];
  const events: Event[] = [];
  rawEvents.forEach((raw, index) => {
    const event = parseEvent(raw, ['events', index], (fields) => derivedEventId(fields, index));
    if (event.ok) events.push(event.value);
    else problems.push(...event.problems);
  });
  const known = new Set(Object.keys(DocumentSchema.shape));
  if (typeof input === 'object' && input !== null) {
    for (const key of Object.keys(input))
      if (!known.has(key)) problems.push({ path: key, message: 'unknown member of a scenario' });
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const { crm, project, employees, crm_state } = parsed.data;
  return { ok: true, value: { crm, settings: project, employees, crmState: crm_state, events } };
}

/** scenario-format §3: an absent eventId is derived from callId, type and position. */
function derivedEventId(fields: Record<string, unknown>, index: number): string {
  const owner =
    [fields['callId'], fields['dialogId']].find((value) => typeof value === 'string') ?? 'event';
  const type = typeof fields['type'] === 'string' ? fields['type'] : 'event';
  return `${owner}:${type}:${index}`;
}
