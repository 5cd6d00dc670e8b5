import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../src/domain/scenario.js';
import {
  startRetailcrmEmulator,
  type RetailcrmEmulator,
} from '../../../emulators/retailcrm/index.js';
import { compareWithMemory } from './equality.js';

// D12: the emulator seeded with crm_state and driven through the adapter ends
// up with the same neutral snapshot, up to ids, as the in-memory CRM.

const employees = [
  { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
  { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
  { id: 'e3', name: 'Maria Koval', crmUserId: 'u3', extension: '102', sipLogins: ['maria'] },
];
const users = [
  { id: 'u1', name: 'Olena Top' },
  { id: 'u2', name: 'Petro' },
  { id: 'u3', name: 'Maria Koval' },
];
const project = {
  defaultCountry: 'UA',
  timezone: 'Europe/Kyiv',
  pipelineRules: [{ pipeline: 'ads', param: 'pool', value: 'Context ads' }],
  fieldMap: { deal: { utm_campaign: 'campaign_name' } },
};
const CLIENT = '+380671234567';
const LINE = '+380441234567';
const at = (minute: number, second = 0): string =>
  `2026-11-20T10:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}+02:00`;

function scenario(crmState: object, events: object[]): Scenario {
  const parsed = parseScenario({
    crm: 'retailcrm',
    project,
    employees,
    crm_state: { users, ...crmState },
    events,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

const SCENARIOS: Record<string, Scenario> = {
  'RC-1 new client answered (pop-up, customer, order, done task, call with recording)': scenario(
    {},
    [
      {
        type: 'call.started',
        callId: 'k1',
        at: at(0),
        direction: 'incoming',
        from: CLIENT,
        to: LINE,
        tracking: { utm: { source: 'google', campaign: 'winter' }, pool: 'Context ads' },
      },
      { type: 'call.answered', callId: 'k1', at: at(0, 7), employee: { extension: '101' } },
      {
        type: 'call.ended',
        callId: 'k1',
        at: at(3, 12),
        disposition: 'answered',
        durationSec: 185,
        talkSec: 178,
        recordingUrl: 'https://records.example/k1.mp3',
      },
    ],
  ),
  'existing client with an open order answered by another manager (G1: stored "067 123 4567")':
    scenario(
      {
        contacts: [{ id: 'c1', name: 'Ivan Petrenko', phones: ['067 123 4567'], ownerId: 'u2' }],
        deals: [
          { id: 'd1', name: 'Ivan Petrenko', contactId: 'c1', ownerId: 'u2', status: 'open' },
        ],
      },
      [
        {
          type: 'call.started',
          callId: 'k2',
          at: at(0),
          direction: 'incoming',
          from: CLIENT,
          to: LINE,
        },
        { type: 'call.answered', callId: 'k2', at: at(0, 5), employee: { extension: '102' } },
        {
          type: 'call.ended',
          callId: 'k2',
          at: at(2),
          disposition: 'answered',
          durationSec: 120,
          talkSec: 115,
        },
      ],
    ),
  'RC-3 missed call of a new client (missed pop-ups, task for the top manager)': scenario({}, [
    {
      type: 'call.started',
      callId: 'k3',
      at: at(0),
      direction: 'incoming',
      from: '0671234567',
      to: LINE,
    },
    { type: 'call.ended', callId: 'k3', at: at(0, 40), disposition: 'missed', durationSec: 40 },
  ]),
  'voicemail arriving as call.ended alone': scenario(
    { contacts: [{ id: 'c7', name: 'Olha', phones: ['+38-067-123-4567'], ownerId: 'u3' }] },
    [
      {
        type: 'call.ended',
        callId: 'k4',
        at: at(5),
        direction: 'incoming',
        from: CLIENT,
        to: LINE,
        disposition: 'voicemail',
        durationSec: 30,
        recordingUrl: 'https://records.example/k4.mp3',
      },
    ],
  ),
  'outgoing call by a manager who is not the responsible': scenario(
    {
      contacts: [{ id: 'c1', name: 'Ivan', phones: ['380671234567'], ownerId: 'u2' }],
      deals: [{ id: 'd1', contactId: 'c1', ownerId: 'u2', status: 'won' }],
    },
    [
      {
        type: 'call.started',
        callId: 'k5',
        at: at(0),
        direction: 'outgoing',
        from: LINE,
        to: '067 123 45 67',
        employee: { extension: '102' },
      },
      {
        type: 'call.ended',
        callId: 'k5',
        at: at(1, 30),
        disposition: 'answered',
        durationSec: 90,
        talkSec: 80,
      },
    ],
  ),
  'a website form (customer, order in the rule pipeline, comment)': scenario({}, [
    {
      type: 'form.submitted',
      eventId: 'f1',
      at: at(10),
      phone: '0671234567',
      name: 'Ivan Form',
      email: 'ivan@example.com',
      fields: { message: 'Call me' },
      tracking: {
        utm: { source: 'facebook', campaign: 'spring' },
        pool: 'Context ads',
        gaClientId: '1.2',
      },
    },
  ]),
  'a transfer with legs, then a late recording (D10)': scenario({}, [
    {
      type: 'call.started',
      callId: 'k6',
      at: at(0),
      direction: 'incoming',
      from: CLIENT,
      to: LINE,
    },
    { type: 'call.answered', callId: 'k6', at: at(0, 5), employee: { extension: '101' } },
    { type: 'call.transferred', callId: 'k6', at: at(2), employee: { sipLogin: 'maria' } },
    {
      type: 'call.ended',
      callId: 'k6',
      at: at(4),
      disposition: 'answered',
      durationSec: 235,
      talkSec: 230,
    },
    {
      type: 'call.recording',
      callId: 'k6',
      at: at(5),
      recordingUrl: 'https://records.example/k6.mp3',
    },
  ]),
  'a messenger dialog (G11)': scenario({}, [
    {
      type: 'messenger.dialog_started',
      dialogId: 'm1',
      at: at(20),
      channel: 'telegram',
      clientId: 'tg-5551',
      name: 'Ivan Tg',
      employee: { id: 'e2' },
      chatUrl: 'https://chat.example/m1',
    },
    {
      type: 'messenger.contact_provided',
      dialogId: 'm1',
      at: at(21),
      channel: 'telegram',
      clientId: 'tg-5551',
      name: 'Ivan Tg',
      phone: CLIENT,
      employee: { id: 'e2' },
    },
    {
      type: 'messenger.dialog_ended',
      dialogId: 'm1',
      at: at(30),
      channel: 'telegram',
      clientId: 'tg-5551',
      employee: { id: 'e2' },
      chatUrl: 'https://chat.example/m1',
    },
  ]),
};

describe('D12 equality: retailCRM adapter on the emulator vs the in-memory CRM', () => {
  let emulator: RetailcrmEmulator;
  beforeAll(async () => {
    emulator = await startRetailcrmEmulator({ ratePerSec: 10_000, telephonyRatePerSec: 10_000 });
  });
  afterAll(() => emulator.close());

  for (const [name, s] of Object.entries(SCENARIOS)) {
    it(`D12: ${name}`, async () => {
      const { expected, actual } = await compareWithMemory(s, emulator);
      expect(actual).toEqual(expected);
    });
  }
});
