import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../src/domain/scenario.js';
import { startZohoEmulator, type ZohoEmulator } from '../../../emulators/zoho/index.js';
import { compareWithMemory } from './equality.js';

// D12: `simulate` on the in-memory CRM and the same scenario through the Zoho
// adapter against the emulator print the same neutral snapshot, up to ids.

const BASE = {
  crm: 'zoho',
  project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', taskDueHours: 4, language: 'en' },
  employees: [
    { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
    { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
    { id: 'e3', name: 'Maria', crmUserId: 'u3', extension: '102', sipLogins: ['maria'] },
  ],
};
const USERS = [
  { id: 'u1', name: 'Olena Top' },
  { id: 'u2', name: 'Petro' },
  { id: 'u3', name: 'Maria' },
];
const CLIENT = '+380671234567';
const LINE = '+380441234567';
const UTM = {
  utm: { source: 'google', medium: 'cpc', campaign: 'winter' },
  pool: 'Context ads',
  gaClientId: '123.456',
};

function scenario(
  events: unknown[],
  crmState: Record<string, unknown> = {},
  project: Record<string, unknown> = {},
): Scenario {
  const parsed = parseScenario({
    ...BASE,
    project: { ...BASE.project, ...project },
    crm_state: { users: USERS, ...crmState },
    events,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

const at = (minute: number, second = 0): string =>
  `2026-11-20T10:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}+02:00`;
const incoming = (callId: string, from = CLIENT) => ({
  type: 'call.started',
  eventId: `${callId}-1`,
  callId,
  at: at(0),
  direction: 'incoming',
  from,
  to: LINE,
  tracking: UTM,
});
const answered = (callId: string, extension: string) => ({
  type: 'call.answered',
  eventId: `${callId}-2`,
  callId,
  at: at(0, 7),
  employee: { extension },
});
const ended = (callId: string, disposition: string, extra: Record<string, unknown> = {}) => ({
  type: 'call.ended',
  eventId: `${callId}-9`,
  callId,
  at: at(3, 12),
  disposition,
  durationSec: 185,
  talkSec: 178,
  ...extra,
});

const SCENARIOS: Record<string, Scenario> = {
  'ZO-1: a new client answered': scenario([
    incoming('k1'),
    answered('k1', '101'),
    ended('k1', 'answered', { recordingUrl: 'https://records.example/k1.mp3' }),
  ]),
  'ZO-7: an existing client with an open deal answered by another manager': scenario(
    [
      incoming('k2'),
      answered('k2', '102'),
      ended('k2', 'answered', { recordingUrl: 'https://records.example/k2.mp3' }),
    ],
    {
      contacts: [
        {
          id: 'c1',
          name: 'Ivan',
          phones: ['067 123 4567'],
          ownerId: 'u2',
          utm: { source: 'bing' },
        },
      ],
      deals: [
        {
          id: 'd1',
          name: 'Ivan: order',
          contactId: 'c1',
          ownerId: 'u2',
          status: 'open',
          pipeline: 'Standard',
        },
      ],
    },
  ),
  'ZO-7: an open lead stored as "+38 (067) 123-45-67" answered by another manager': scenario(
    [incoming('k3'), answered('k3', '102'), ended('k3', 'answered')],
    {
      leads: [
        { id: 'l1', name: 'Ivan', phones: ['+38 (067) 123-45-67'], ownerId: 'u2', status: 'open' },
      ],
    },
  ),
  'ZO-9: a missed call of a new client': scenario([
    incoming('k4'),
    ended('k4', 'missed', { durationSec: 20, talkSec: 0 }),
  ]),
  'ZO-10: a voicemail': scenario([
    incoming('k5'),
    ended('k5', 'voicemail', {
      durationSec: 40,
      talkSec: 0,
      recordingUrl: 'https://records.example/vm5.mp3',
    }),
  ]),
  'ZO-12: an outgoing call to a contact stored without "+"': scenario(
    [
      {
        type: 'call.started',
        eventId: 'k6-1',
        callId: 'k6',
        at: at(0),
        direction: 'outgoing',
        from: LINE,
        to: '050 123 4567',
        employee: { extension: '101' },
      },
      {
        type: 'call.ended',
        eventId: 'k6-9',
        callId: 'k6',
        at: at(2),
        disposition: 'answered',
        durationSec: 60,
        talkSec: 55,
      },
    ],
    { contacts: [{ id: 'c7', name: 'Oksana', phones: ['380501234567'], ownerId: 'u2' }] },
  ),
  'ZO-14: a website form': scenario([
    {
      type: 'form.submitted',
      eventId: 'f1',
      at: at(5),
      phone: '0671112233',
      name: 'Ivan',
      email: 'ivan@example.com',
      fields: { message: 'Call me' },
      tracking: { utm: { source: 'facebook' }, gaClientId: '1.2' },
    },
  ]),
  'ZO-18: a transfer with legs, the recording after the end': scenario([
    incoming('k8'),
    answered('k8', '101'),
    {
      type: 'call.transferred',
      eventId: 'k8-3',
      callId: 'k8',
      at: at(1),
      employee: { sipLogin: 'maria' },
    },
    ended('k8', 'answered'),
    {
      type: 'call.recording',
      eventId: 'k8-10',
      callId: 'k8',
      at: at(6),
      recordingUrl: 'https://records.example/k8.mp3',
    },
  ]),
  'G11: a messenger dialog': scenario([
    {
      type: 'messenger.dialog_started',
      eventId: 'm1-1',
      dialogId: 'm1',
      at: at(10),
      channel: 'telegram',
      clientId: 'tg-5551',
      name: 'Ivan',
      tracking: { utm: { source: 'instagram' } },
    },
    {
      type: 'messenger.contact_provided',
      eventId: 'm1-2',
      dialogId: 'm1',
      at: at(11),
      channel: 'telegram',
      clientId: 'tg-5551',
      name: 'Ivan',
      phone: '0679998877',
      employee: { id: 'e2' },
    },
    {
      type: 'messenger.dialog_ended',
      eventId: 'm1-3',
      dialogId: 'm1',
      at: at(20),
      channel: 'telegram',
      clientId: 'tg-5551',
      name: 'Ivan',
      employee: { id: 'e2' },
      chatUrl: 'https://chat.example/m1',
      summary: 'Asked for prices',
    },
  ]),
  'G9: a deal routed by a pipeline rule, an organization, then a missed repeat call': scenario(
    [
      incoming('k9'),
      answered('k9', '101'),
      ended('k9', 'answered'),
      { ...incoming('k10'), eventId: 'k10-1', at: at(30) },
      { ...ended('k10', 'missed'), at: at(31), durationSec: 10 },
    ],
    {},
    {
      pipelineRules: [{ pipeline: 'Ads', param: 'pool', value: 'Context ads' }],
      fieldMap: { deal: { utm_campaign: 'Campaign_Name' } },
      matrix: {
        'incoming.on_answer': ['create_contact', 'create_organization', 'create_deal'],
        'incoming.answered_by_responsible': [{ action: 'task_manager', done: true }],
        'incoming.missed': [{ action: 'task_responsible' }],
      },
    },
  ),
};

describe('D12: the Zoho adapter against the emulator prints what simulate prints', () => {
  let emulator: ZohoEmulator;
  beforeAll(async () => {
    emulator = await startZohoEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  for (const [name, run] of Object.entries(SCENARIOS)) {
    it(name, async () => {
      const comparison = await compareWithMemory(run, emulator);
      expect(comparison.actual).toEqual(comparison.expected);
    });
  }

  // The Zoho catalogue (ZO-1..ZO-18) where it exists: its `expect` block is the engine's concern, not this one's.
  const CATALOGUE = 'test/scenarios/zoho';
  const files = existsSync(CATALOGUE)
    ? readdirSync(CATALOGUE).filter((file) => file.endsWith('.json'))
    : [];
  for (const file of files) {
    it(`D12: catalogue ${file}`, async () => {
      const document = JSON.parse(readFileSync(`${CATALOGUE}/${file}`, 'utf8')) as Record<
        string,
        unknown
      >;
      const parsed = parseScenario(
        Object.fromEntries(
          Object.entries(document).filter(([key]) => key !== 'expect' && key !== 'description'),
        ),
      );
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const comparison = await compareWithMemory(parsed.value, emulator);
      expect(comparison.actual).toEqual(comparison.expected);
    });
  }
});
