import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../src/domain/scenario.js';
import {
  startPipedriveEmulator,
  type PipedriveEmulator,
} from '../../../emulators/pipedrive/index.js';
import { canonicalJournal, canonicalSnapshot, runBothWays } from './equality.js';

// D12: simulate on the in-memory CRM and simulateWith(Pipedrive adapter ↔ emulator)
// print the same neutral snapshot up to ids, for varied scenarios.

const employees = [
  { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
  { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101', sipLogins: ['petro'] },
  { id: 'e3', name: 'Maria', crmUserId: 'u3', extension: '102', sipLogins: ['maria'] },
  { id: 'e4', name: 'Intern', extension: '103' },
];
const users = [
  { id: 'u1', name: 'Olena Top' },
  { id: 'u2', name: 'Petro' },
  { id: 'u3', name: 'Maria' },
];
const project = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
const tracking = {
  utm: { source: 'google', medium: 'cpc', campaign: 'winter' },
  pool: 'Context ads',
  gaClientId: '123.456',
  landingPage: 'https://shop.example/',
};
const existing = {
  users,
  contacts: [{ id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u2' }],
  deals: [{ id: 'd1', name: 'Ivan', contactId: 'c1', ownerId: 'u2', status: 'open' }],
};
const call = (id: string, from: string, to: string, direction = 'incoming') => ({
  type: 'call.started',
  eventId: `${id}-1`,
  callId: id,
  at: '2026-11-20T10:00:00+02:00',
  direction,
  from,
  to,
  tracking,
});

const SCENARIOS: Record<string, unknown> = {
  'PD-1 new client answered': {
    crm: 'pipedrive',
    project,
    employees,
    crm_state: { users },
    events: [
      call('k1', '+380501112233', '+380441234567'),
      {
        type: 'call.answered',
        eventId: 'k1-2',
        callId: 'k1',
        at: '2026-11-20T10:00:07+02:00',
        employee: { extension: '101' },
      },
      {
        type: 'call.ended',
        eventId: 'k1-3',
        callId: 'k1',
        at: '2026-11-20T10:03:12+02:00',
        disposition: 'answered',
        durationSec: 192,
        talkSec: 185,
        recordingUrl: 'https://records.example/k1.mp3',
      },
    ],
  },
  'PD-7 existing client with an open deal answered by another manager (G1: stored as "067 123 4567")':
    {
      crm: 'pipedrive',
      project,
      employees,
      crm_state: existing,
      events: [
        call('k2', '+380671234567', '+380441234567'),
        {
          type: 'call.answered',
          eventId: 'k2-2',
          callId: 'k2',
          at: '2026-11-20T10:00:05+02:00',
          employee: { extension: '102' },
        },
        {
          type: 'call.ended',
          eventId: 'k2-3',
          callId: 'k2',
          at: '2026-11-20T10:02:00+02:00',
          disposition: 'answered',
          durationSec: 120,
          talkSec: 115,
        },
      ],
    },
  'PD-2 missed new client': {
    crm: 'pipedrive',
    project,
    employees,
    crm_state: { users },
    events: [
      call('k3', '0509998877', '+380441234567'),
      {
        type: 'call.ended',
        eventId: 'k3-2',
        callId: 'k3',
        at: '2026-11-20T10:00:30+02:00',
        disposition: 'missed',
        durationSec: 30,
      },
    ],
  },
  'voicemail from an existing client with an open lead': {
    crm: 'pipedrive',
    project,
    employees,
    crm_state: {
      users,
      contacts: [{ id: 'c1', name: 'Ivan', phones: ['+380 67 123 4567'], ownerId: 'u3' }],
      leads: [{ id: 'l1', contactId: 'c1', name: 'Ivan', ownerId: 'u3', status: 'open' }],
    },
    events: [
      call('k4', '+380671234567', '+380441234567'),
      {
        type: 'call.ended',
        eventId: 'k4-2',
        callId: 'k4',
        at: '2026-11-20T10:01:00+02:00',
        disposition: 'voicemail',
        durationSec: 60,
        recordingUrl: 'https://records.example/k4.mp3',
      },
    ],
  },
  'PD-10 outgoing answered to an existing client': {
    crm: 'pipedrive',
    project,
    employees,
    crm_state: existing,
    events: [
      {
        ...call('k5', '+380441234567', '380671234567', 'outgoing'),
        employee: { extension: '101' },
      },
      {
        type: 'call.answered',
        eventId: 'k5-2',
        callId: 'k5',
        at: '2026-11-20T10:00:09+02:00',
        employee: { extension: '101' },
      },
      {
        type: 'call.ended',
        eventId: 'k5-3',
        callId: 'k5',
        at: '2026-11-20T10:04:00+02:00',
        disposition: 'answered',
        durationSec: 240,
        talkSec: 231,
        recordingUrl: 'https://records.example/k5.mp3',
      },
    ],
  },
  'PD-13 a form from a new client, with a field map and a pipeline rule (G8, G9)': {
    crm: 'pipedrive',
    project: {
      ...project,
      fieldMap: {
        deal: { utm_campaign: 'Campaign name' },
        contact: { 'form.message': 'Form message' },
      },
      pipelineRules: [{ pipeline: 'Ads', param: 'utm_source', value: 'facebook' }],
    },
    employees,
    crm_state: { users },
    events: [
      {
        type: 'form.submitted',
        eventId: 'f1',
        at: '2026-11-20T11:00:00+02:00',
        phone: '067 555 1122',
        name: 'Oksana',
        email: 'oksana@example.com',
        fields: { message: 'Call me' },
        tracking: { utm: { source: 'facebook', campaign: 'spring' }, gaClientId: '1.2' },
      },
    ],
  },
  'transfer with legs, then a late recording and analytics (D10, D11)': {
    crm: 'pipedrive',
    project,
    employees,
    crm_state: existing,
    events: [
      call('k6', '+380671234567', '+380441234567'),
      {
        type: 'call.answered',
        eventId: 'k6-2',
        callId: 'k6',
        at: '2026-11-20T10:00:05+02:00',
        employee: { extension: '101' },
      },
      {
        type: 'call.transferred',
        eventId: 'k6-3',
        callId: 'k6',
        at: '2026-11-20T10:01:05+02:00',
        employee: { sipLogin: 'maria' },
      },
      {
        type: 'call.ended',
        eventId: 'k6-4',
        callId: 'k6',
        at: '2026-11-20T10:03:00+02:00',
        disposition: 'answered',
        durationSec: 175,
        talkSec: 170,
      },
      {
        type: 'call.recording',
        eventId: 'k6-5',
        callId: 'k6',
        at: '2026-11-20T10:05:00+02:00',
        recordingUrl: 'https://records.example/k6.mp3',
      },
      {
        type: 'analytics.ready',
        eventId: 'k6-6',
        callId: 'k6',
        at: '2026-11-20T10:06:00+02:00',
        summary: 'Asked about delivery',
        mood: { client: 'positive', operator: 'neutral', overall: 'positive' },
      },
    ],
  },
  'a messenger dialog that gives a phone: a lead on a new person, the dialog in a comment': {
    crm: 'pipedrive',
    project,
    employees,
    crm_state: { users },
    events: [
      {
        type: 'messenger.dialog_started',
        eventId: 'm1-1',
        dialogId: 'm1',
        at: '2026-11-20T12:00:00+02:00',
        channel: 'telegram',
        clientId: 'tg-5551',
        name: 'Ivan',
        tracking: { utm: { source: 'instagram' } },
      },
      {
        type: 'messenger.dialog_taken',
        eventId: 'm1-2',
        dialogId: 'm1',
        at: '2026-11-20T12:01:00+02:00',
        channel: 'telegram',
        clientId: 'tg-5551',
        employee: { id: 'e2' },
      },
      {
        type: 'messenger.contact_provided',
        eventId: 'm1-3',
        dialogId: 'm1',
        at: '2026-11-20T12:02:00+02:00',
        channel: 'telegram',
        clientId: 'tg-5551',
        phone: '+380631234567',
      },
      {
        type: 'messenger.dialog_ended',
        eventId: 'm1-4',
        dialogId: 'm1',
        at: '2026-11-20T12:10:00+02:00',
        channel: 'telegram',
        clientId: 'tg-5551',
        chatUrl: 'https://chat.example/m1',
      },
    ],
  },
};

function scenarioOf(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.value;
}

describe('D12: Pipedrive adapter + emulator print what simulate prints', () => {
  let emulator: PipedriveEmulator;
  beforeAll(async () => {
    emulator = await startPipedriveEmulator({ burstPer2s: 100_000 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  for (const [name, raw] of Object.entries(SCENARIOS)) {
    it(`D12: ${name}`, async () => {
      const run = await runBothWays(scenarioOf(raw), emulator);
      expect(canonicalJournal(run.pipedrive.journal)).toEqual(canonicalJournal(run.memory.journal));
      const memory = canonicalSnapshot(run.memory.crm_state);
      expect(withoutDefaultPipeline(canonicalSnapshot(run.pipedrive.crm_state), memory)).toEqual(
        memory,
      );
      expect(run.pipedrive.journal.every((entry) => entry.outcome !== 'failed')).toBe(true);
    });
  }
});

/**
 * scenario-format.md §4: the emulator names the pipeline of every deal, the
 * account's default one ("Pipeline") included; the in-memory CRM knows no
 * account and names none. Where its deal has no pipeline, the default one is
 * dropped from the Pipedrive side, and no other.
 */
function withoutDefaultPipeline(
  actual: Record<string, unknown[]>,
  expected: Record<string, unknown[]>,
): Record<string, unknown[]> {
  const deals = (actual['deals'] ?? []).map((deal, index) => {
    const before = expected['deals']?.[index] as Record<string, unknown> | undefined;
    const after = { ...(deal as Record<string, unknown>) };
    if (before && !('pipeline' in before) && after['pipeline'] === 'Pipeline')
      delete after['pipeline'];
    return after;
  });
  return { ...actual, deals };
}
