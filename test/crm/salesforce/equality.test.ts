import { describe, expect, it } from 'vitest';
import { startSalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { parseScenario, type Scenario } from '../../../src/domain/scenario.js';
import { compareWithMemory } from './equality.js';

// D12: simulate through the adapter + emulator == simulate on the in-memory CRM, up to ids.

const base = {
  crm: 'salesforce',
  project: {
    defaultCountry: 'UA',
    timezone: 'Europe/Kyiv',
    fieldMap: { lead: { utm_campaign: 'Campaign__c', pool: 'Pool__c' } },
    pipelineRules: [{ pipeline: 'Ads', param: 'pool', value: 'Context ads' }],
  },
  employees: [
    { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
    { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
    { id: 'e3', name: 'Maria', crmUserId: 'u3', extension: '102', sipLogins: ['maria'] },
  ],
};
const users = [
  { id: 'u1', name: 'Olena Top' },
  { id: 'u2', name: 'Petro' },
  { id: 'u3', name: 'Maria' },
];
const CLIENT = '+380671234567';
const LINE = '+380441234567';
const at = (minute: number): string => `2026-11-20T10:${String(minute).padStart(2, '0')}:00+02:00`;
const tracking = {
  utm: { source: 'google', medium: 'cpc', campaign: 'winter' },
  pool: 'Context ads',
  gaClientId: '123.456',
};

function scenario(crmState: Record<string, unknown>, events: unknown[]): Scenario {
  const parsed = parseScenario({ ...base, crm_state: { users, ...crmState }, events });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

const SCENARIOS: Record<string, Scenario> = {
  'SF-1/SF-2/SF-7 new client answered': scenario({}, [
    {
      type: 'call.started',
      callId: 'k1',
      at: at(0),
      direction: 'incoming',
      from: CLIENT,
      to: LINE,
      tracking,
    },
    { type: 'call.answered', callId: 'k1', at: at(1), employee: { extension: '101' } },
    {
      type: 'call.ended',
      callId: 'k1',
      at: at(4),
      disposition: 'answered',
      durationSec: 185,
      talkSec: 178,
      recordingUrl: 'https://records.example/k1.mp3',
    },
  ]),
  'SF-8 existing contact with an open deal, answered by another manager (G1: stored as +38-067-…)':
    scenario(
      {
        organizations: [{ id: 'o1', name: 'Acme', ownerId: 'u2' }],
        contacts: [
          {
            id: 'c1',
            name: 'Ivan',
            phones: ['+38-067-123-4567'],
            ownerId: 'u2',
            organizationId: 'o1',
          },
        ],
        deals: [
          {
            id: 'd1',
            name: 'Ivan deal',
            contactId: 'c1',
            organizationId: 'o1',
            ownerId: 'u2',
            status: 'open',
            pipeline: 'Sales',
          },
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
          tracking: { utm: { source: 'bing' } },
        },
        { type: 'call.answered', callId: 'k2', at: at(1), employee: { extension: '102' } },
        {
          type: 'call.ended',
          callId: 'k2',
          at: at(3),
          disposition: 'answered',
          durationSec: 120,
          talkSec: 110,
          recordingUrl: 'https://records.example/k2.mp3',
        },
      ],
    ),
  'SF-5/SF-8 existing open lead stored as 0671234567, answered by another manager': scenario(
    {
      leads: [
        { id: 'l1', name: 'Lead Ivan', phones: ['067 123 4567'], ownerId: 'u2', status: 'open' },
      ],
    },
    [
      {
        type: 'call.started',
        callId: 'k3',
        at: at(0),
        direction: 'incoming',
        from: '0671234567',
        to: LINE,
      },
      { type: 'call.answered', callId: 'k3', at: at(1), employee: { extension: '102' } },
      {
        type: 'call.ended',
        callId: 'k3',
        at: at(2),
        disposition: 'answered',
        durationSec: 60,
        talkSec: 55,
      },
    ],
  ),
  'SF-3 missed new client': scenario({}, [
    {
      type: 'call.started',
      callId: 'k4',
      at: at(0),
      direction: 'incoming',
      from: CLIENT,
      to: LINE,
    },
    { type: 'call.ended', callId: 'k4', at: at(1), disposition: 'missed', durationSec: 30 },
  ]),
  'voicemail of a new client': scenario({}, [
    {
      type: 'call.ended',
      callId: 'k5',
      at: at(2),
      direction: 'incoming',
      from: CLIENT,
      to: LINE,
      disposition: 'voicemail',
      durationSec: 40,
      recordingUrl: 'https://records.example/k5.mp3',
    },
  ]),
  'SF-11 outgoing answered by another manager, open lead': scenario(
    {
      leads: [
        { id: 'l1', name: 'Lead Ivan', phones: ['380671234567'], ownerId: 'u2', status: 'open' },
      ],
    },
    [
      {
        type: 'call.started',
        callId: 'k6',
        at: at(0),
        direction: 'outgoing',
        from: LINE,
        to: CLIENT,
        employee: { extension: '102' },
      },
      {
        type: 'call.ended',
        callId: 'k6',
        at: at(3),
        disposition: 'answered',
        durationSec: 90,
        talkSec: 80,
        recordingUrl: 'https://records.example/k6.mp3',
      },
    ],
  ),
  'form submitted (lead and comment)': scenario({}, [
    {
      type: 'form.submitted',
      eventId: 'f1',
      at: at(5),
      phone: '0671234567',
      name: 'Ivan',
      email: 'ivan@example.com',
      fields: { message: 'Call me' },
      tracking: { utm: { source: 'facebook' }, gaClientId: '1.2' },
    },
  ]),
  'transfer with legs, recording after the end': scenario({}, [
    {
      type: 'call.started',
      callId: 'k7',
      at: at(0),
      direction: 'incoming',
      from: CLIENT,
      to: LINE,
    },
    { type: 'call.answered', callId: 'k7', at: at(1), employee: { extension: '101' } },
    { type: 'call.transferred', callId: 'k7', at: at(3), employee: { sipLogin: 'maria' } },
    {
      type: 'call.ended',
      callId: 'k7',
      at: at(6),
      disposition: 'answered',
      durationSec: 330,
      talkSec: 300,
    },
    {
      type: 'call.recording',
      callId: 'k7',
      at: at(8),
      recordingUrl: 'https://records.example/k7.mp3',
    },
  ]),
  'G11 messenger dialog': scenario({}, [
    {
      type: 'messenger.dialog_started',
      dialogId: 'm1',
      at: at(0),
      channel: 'telegram',
      clientId: 'tg-5551',
      name: 'Ivan',
      tracking: { utm: { source: 'instagram' } },
    },
    {
      type: 'messenger.contact_provided',
      dialogId: 'm1',
      at: at(2),
      channel: 'telegram',
      clientId: 'tg-5551',
      name: 'Ivan',
      phone: CLIENT,
      employee: { id: 'e2' },
    },
    {
      type: 'messenger.dialog_ended',
      dialogId: 'm1',
      at: at(9),
      channel: 'telegram',
      clientId: 'tg-5551',
      employee: { id: 'e2' },
      chatUrl: 'https://chat.example/m1',
    },
  ]),
  'custom matrix: contact, organization and a deal routed to a pipeline (G9), mapped fields (G8), comment, analytics (G12)':
    (() => {
      const parsed = parseScenario({
        ...base,
        project: {
          ...base.project,
          fieldMap: {
            deal: { utm_campaign: 'Campaign__c' },
            contact: { ga_client_id: 'GA_Client__c' },
          },
          matrix: {
            'incoming.on_answer': ['create_contact', 'create_organization', 'create_deal'],
            'incoming.answered_by_responsible': [{ action: 'task_manager', done: true }, 'comment'],
            'incoming.answered_by_manager': [{ action: 'task_responsible', dueHours: 2 }],
          },
        },
        crm_state: { users },
        events: [
          {
            type: 'call.started',
            callId: 'k8',
            at: at(0),
            direction: 'incoming',
            from: CLIENT,
            to: LINE,
            tracking,
          },
          { type: 'call.answered', callId: 'k8', at: at(1), employee: { extension: '101' } },
          {
            type: 'call.ended',
            callId: 'k8',
            at: at(5),
            disposition: 'answered',
            durationSec: 240,
            talkSec: 230,
            recordingUrl: 'https://records.example/k8.mp3',
          },
          {
            type: 'analytics.ready',
            callId: 'k8',
            at: at(9),
            summary: 'Wants a quote',
            mood: { client: 'positive', operator: 'neutral', overall: 'positive' },
            wentWell: 'greeting',
          },
          {
            type: 'call.started',
            callId: 'k9',
            at: at(20),
            direction: 'incoming',
            from: '067 123 45 67',
            to: LINE,
            tracking: { utm: { source: 'bing' }, landingPage: 'https://shop.example/' },
          },
          { type: 'call.answered', callId: 'k9', at: at(21), employee: { extension: '102' } },
          {
            type: 'call.ended',
            callId: 'k9',
            at: at(23),
            disposition: 'answered',
            durationSec: 100,
            talkSec: 90,
          },
        ],
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return parsed.value;
    })(),
  'returning closed-only client passes to the manager (assign_to_manager), unknown employee (SF-9)':
    (() => {
      const parsed = parseScenario({
        ...base,
        project: {
          ...base.project,
          matrix: {
            'incoming.on_answer': ['create_contact', 'create_deal', 'assign_to_manager'],
            unknown_employee: ['task_top_manager'],
          },
        },
        crm_state: {
          users,
          contacts: [{ id: 'c1', name: 'Ivan', phones: ['+380 67 123 4567'], ownerId: 'u2' }],
          deals: [{ id: 'd1', name: 'Old', contactId: 'c1', ownerId: 'u2', status: 'won' }],
        },
        events: [
          {
            type: 'call.started',
            callId: 'k10',
            at: at(0),
            direction: 'incoming',
            from: CLIENT,
            to: LINE,
          },
          { type: 'call.answered', callId: 'k10', at: at(1), employee: { extension: '102' } },
          {
            type: 'call.ended',
            callId: 'k10',
            at: at(4),
            disposition: 'answered',
            durationSec: 200,
            talkSec: 180,
          },
          {
            type: 'call.ended',
            callId: 'k11',
            at: at(30),
            direction: 'incoming',
            from: CLIENT,
            to: LINE,
            disposition: 'answered',
            durationSec: 20,
            talkSec: 15,
            employee: { extension: '999' },
          },
        ],
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return parsed.value;
    })(),
};

describe('D12 equality: Salesforce adapter + emulator vs the in-memory CRM', () => {
  for (const [name, s] of Object.entries(SCENARIOS)) {
    it(`D12: ${name}`, async () => {
      const { expected, actual, memory, viaAdapter } = await compareWithMemory(s, () =>
        startSalesforceEmulator(),
      );
      expect(viaAdapter.journal.map((e) => [e.outcome, e.operations.map((o) => o.op)])).toEqual(
        memory.journal.map((e) => [e.outcome, e.operations.map((o) => o.op)]),
      );
      expect(actual).toEqual(expected);
    });
  }
});
