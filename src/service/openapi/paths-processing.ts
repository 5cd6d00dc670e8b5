import { OUTCOMES } from '../admin/contracts.js';
import type { Json } from './components.js';
import { EXAMPLES } from './examples.js';
import {
  eventParam,
  jsonBody,
  ok,
  operation,
  problem,
  projectParam,
  query,
  ref,
} from './operations.js';

// Processing, journal, integration state, dry run (service.md §5) and smart
// call forwarding (§6).

const time = { type: 'string', format: 'date-time' };

export function processingPaths(): Json {
  return {
    '/v1/projects/{project}/status': {
      parameters: [projectParam],
      get: operation({
        id: 'getStatus',
        tag: 'Processing',
        summary: 'Integration state, event counts, phone index',
        audience: 'project',
        responses: { '200': ok('The status', ref('Status'), EXAMPLES.status) },
      }),
    },
    '/v1/projects/{project}/stats': {
      parameters: [projectParam],
      get: operation({
        id: 'getStats',
        tag: 'Processing',
        summary: 'Events per hour by outcome and CRM requests per hour, last 24 hours or 7 days',
        description:
          "An extension of service.md for the admin web app's chart: the journal counted by UTC hour of each event's `at` and by outcome, every hour of the range present (zeros included), the current hour last. Each hour also carries `crmRequests` (optional; always present from this service): the HTTP requests sent to the project's CRM in that hour — by the workers and by the admin API (Test connection, users, fields) alike, token refreshes included. Each process counts them in memory and writes them every 10 seconds and when it stops, so the current hour can lag by that much, and a process killed outright (kill -9) loses at most its last 10 seconds of counts. The code exchange of Connect (OAuth) is not counted.",
        audience: 'project',
        parameters: [
          query('range', { type: 'string', enum: ['24h', '7d'], default: '24h' }, 'How far back'),
        ],
        responses: {
          '200': ok('Hourly counts', ref('Stats')),
          '400': problem('Bad query; each problem names its parameter'),
        },
      }),
    },
    '/v1/projects/{project}/journal': {
      parameters: [projectParam],
      get: operation({
        id: 'listJournal',
        tag: 'Processing',
        summary: 'The journal, filtered and paged, oldest first',
        audience: 'project',
        parameters: [
          query('callId', { type: 'string' }, 'Entries of one call'),
          query('phone', { type: 'string' }, "The client's phone, in any format"),
          query('outcome', { type: 'string', enum: [...OUTCOMES] }, 'One outcome'),
          query('from', time, "Entries whose event's `at` is at or after this time"),
          query('to', time, "Entries whose event's `at` is at or before this time"),
          query('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, 'Page size'),
          query('cursor', { type: 'string' }, 'The `next` of the previous page'),
        ],
        responses: {
          '200': ok('A page of entries', ref('JournalPage'), EXAMPLES.journalPage),
          '400': problem('Bad query; each problem names its parameter'),
        },
      }),
    },
    '/v1/projects/{project}/events/{eventId}': {
      parameters: [projectParam, eventParam],
      get: operation({
        id: 'getEvent',
        tag: 'Processing',
        summary: 'One event: state, attempts, last error, journal entry',
        audience: 'project',
        responses: { '200': ok('The event', ref('EventDetail')) },
      }),
    },
    '/v1/projects/{project}/events/{eventId}/retry': {
      parameters: [projectParam, eventParam],
      post: operation({
        id: 'retryEvent',
        tag: 'Processing',
        summary: 'Put a failed event back to pending',
        audience: 'project',
        responses: {
          '200': ok('The event, pending again', ref('EventDetail')),
          '409': problem('The event is not failed'),
        },
      }),
    },
    '/v1/projects/{project}/events/retry': {
      parameters: [projectParam],
      post: operation({
        id: 'retryFailedEvents',
        tag: 'Processing',
        summary: 'Put every failed event of the project back to pending',
        description:
          'An extension of service.md: what `POST …/events/{eventId}/retry` does, for each failed event of the project, oldest first. Each is decided again from the current project document when it runs; what of it had landed in the CRM stays landed and is not written again. Events that are not failed are left as they are.',
        audience: 'project',
        responses: { '200': ok('How many events were put back', ref('RetriedEvents')) },
      }),
    },
    '/v1/projects/{project}/integration/deactivate': {
      parameters: [projectParam],
      post: operation({
        id: 'deactivateIntegration',
        tag: 'Integration',
        summary: 'Stop sending; events are still accepted and held',
        audience: 'project',
        responses: {
          '200': ok('The status', ref('Status')),
          '409': problem('Not a move the integration can make'),
        },
      }),
    },
    '/v1/projects/{project}/integration/resend-preview': {
      parameters: [projectParam],
      get: operation({
        id: 'previewResend',
        tag: 'Integration',
        summary: 'What an activation with resend would send and expire (an extension)',
        description:
          "Counts the waiting events as `activate` with `resend: true` would treat them now: those whose call began inside the resend window are sent, older ones expire (G10). Changes nothing. Not in service.md: an extension for the admin app's confirmation.",
        audience: 'project',
        responses: { '200': ok('The counts', ref('ResendPreview')) },
      }),
    },
    '/v1/projects/{project}/integration/activate': {
      parameters: [projectParam],
      post: operation({
        id: 'activateIntegration',
        tag: 'Integration',
        summary: 'Check the CRM, resolve held events (G10), start sending',
        description:
          'Checks the credentials and the field map against the CRM. With `resend: true` (the default) held events inside the resend window are sent in order and older ones expire; with `resend: false` held events are skipped.',
        audience: 'project',
        requestBody: {
          required: false,
          content: {
            'application/json': { schema: ref('ActivateRequest'), example: { resend: true } },
          },
        },
        responses: {
          '200': ok('The status', ref('Status')),
          '400': problem('Bad body; each problem names its field'),
          '409': problem('Refused by the CRM, or no connection; nothing changed'),
        },
      }),
    },
    '/v1/projects/{project}/dry-run': {
      parameters: [projectParam],
      post: operation({
        id: 'dryRun',
        tag: 'Processing',
        summary: 'What the events would do; reads the CRM, writes nothing',
        description:
          'A later event of the request sees what the earlier ones would have created. Nothing is stored. With `{ events, matrix }` the events run on that matrix instead of the saved one, to see what an unsaved change would do.',
        audience: 'project',
        requestBody: jsonBody(ref('DryRunRequest'), EXAMPLES.events),
        responses: {
          '200': ok('The journal the events would produce', ref('DryRunResult')),
          '422': problem('Invalid events or matrix; each problem names its field'),
          '502': problem('The CRM did not answer'),
        },
      }),
    },
    '/v1/projects/{project}/replay': {
      parameters: [projectParam],
      post: operation({
        id: 'replay',
        tag: 'Processing',
        summary: 'What a candidate matrix would have done with the events of a past range',
        description:
          "Decides the journal's events of the range again, each against the client context it was decided on, with the stored project whose members the request replaces (`project.matrix`, `project.fieldMap`, `project.pipelineRules`, …, `employees`). Writes nothing and asks no CRM. The answer streams as NDJSON (`application/x-ndjson`, one JSON object per line): a `call` line per call (or event of no call) whose operations would differ — added, removed, changed — then one `totals` line; an `error` line ends a replay the store failed under way. At most 31 days and 100 000 events per replay.",
        audience: 'project',
        requestBody: jsonBody(ref('ReplayRequest'), {
          from: '2026-03-02T00:00:00+02:00',
          to: '2026-03-08T23:59:59+02:00',
          project: { matrix: { 'incoming.missed': ['create_contact', 'create_deal'] } },
        }),
        responses: {
          '200': {
            description: 'NDJSON: the calls that would differ, then the totals',
            content: { 'application/x-ndjson': { schema: ref('ReplayLine') } },
          },
          '400': problem(
            'Bad body or range (to before from, more than 31 days); each problem names its field',
          ),
          '422': problem(
            'An invalid candidate (each problem names its field), more events than one replay takes, or events in the range decided before their context was kept (`replay-refused`, the detail says which)',
          ),
        },
      }),
    },
    '/v1/projects/{project}/route': {
      parameters: [projectParam],
      get: operation({
        id: 'routeCall',
        tag: 'Routing',
        summary: "Smart call forwarding (G13): the owner of the caller's record",
        description:
          "Answered from the service's local phone index, never by a CRM round trip. Authenticated as ingest (webhook token or Standard Webhooks signature) or with the operator or project key.",
        audience: 'routing',
        parameters: [query('caller', { type: 'string' }, "The caller's phone, any format", true)],
        responses: {
          '200': ok('Match or no match', ref('Route'), EXAMPLES.route),
          '400': problem('No caller'),
          '404': problem('Unknown project (API keys only)'),
        },
      }),
    },
  };
}
