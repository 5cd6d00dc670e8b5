// Examples in the OpenAPI document: what a reader of docs/api.md and a
// generated client's user see first. test/admin/openapi.test.ts checks each
// against its schema, so an example cannot show a shape the API does not have.

/** The project document of the examples (PUT's body; GET answers it redacted). */
const DOCUMENT = {
  crm: 'pipedrive',
  project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', taskDueHours: 4 },
  employees: [
    { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
    { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101', sipLogins: ['petro'] },
  ],
  connection: {
    baseUrl: 'https://yourcompany.pipedrive.com',
    credentials: { apiToken: 'your-pipedrive-api-token' },
  },
} as const;

export const EXAMPLES = {
  events: [
    {
      eventId: 'm1-start',
      type: 'call.started',
      at: '2026-05-04T09:00:00+03:00',
      callId: 'm1',
      direction: 'incoming',
      from: '+380671234567',
      to: '+380441112233',
    },
    {
      eventId: 'm1-end',
      type: 'call.ended',
      at: '2026-05-04T09:00:40+03:00',
      callId: 'm1',
      disposition: 'missed',
      durationSec: 40,
      talkSec: 0,
    },
  ],
  accepted: { accepted: 2, duplicates: 0 },
  invalidEvents: {
    type: 'urn:callmatrix:invalid-events',
    title: 'Invalid events',
    status: 422,
    detail: '1 problem',
    problems: [{ path: '[0].from', message: 'expected a non-empty string' }],
  },
  document: DOCUMENT,
  /** The document as GET answers it: credentials redacted, the sources' defaults filled in. */
  storedDocument: {
    ...DOCUMENT,
    connection: { ...DOCUMENT.connection, credentials: { apiToken: 'redacted' } },
    sources: {},
  },
  status: {
    integration: { state: 'active', since: '2026-05-01T08:00:00.000Z', reason: null },
    events: { pending: 2, applied: 120, skipped: 14, failed: 1, expired: 0 },
    index: { state: 'ready', phones: 5230 },
  },
  journalPage: {
    entries: [
      {
        eventId: 'm1-end',
        type: 'call.ended',
        conditions: ['incoming.missed'],
        outcome: 'applied',
        operations: [
          { op: 'create_contact', entity: 'contacts', id: '101' },
          { op: 'create_deal', entity: 'deals', id: '55' },
          { op: 'create_task', entity: 'tasks', id: '9001' },
        ],
        at: '2026-05-04T06:00:40.000Z',
      },
    ],
    next: null,
  },
  route: {
    match: true,
    employee: { id: 'e2', name: 'Petro', extension: '101', sipLogins: ['petro'], phones: [] },
    record: { entity: 'deals', id: '55' },
  },
  projectList: {
    projects: [
      {
        id: 'acme',
        crm: 'pipedrive',
        integration: { state: 'active', since: '2026-05-01T08:00:00.000Z', reason: null },
        events: { pending: 2, failed: 1, held: 0 },
        oldestPendingAt: '2026-05-04T06:00:41.000Z',
        oldestPendingAgeSec: 4,
        index: { state: 'ready' },
        lastEventAt: '2026-05-04T06:00:43.000Z',
      },
    ],
    next: 'acme',
  },
} as const;
