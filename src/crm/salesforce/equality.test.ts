import { describe, expect, it } from 'vitest';
import { startSalesforceEmulator } from '../../../emulators/salesforce/index.js';
import { parseScenario, type Scenario } from '../../domain/scenario.js';
import { compareWithMemory } from './equality.js';

// D12: simulate through the adapter + emulator == simulate on the in-memory CRM, up to ids.

const base = {
  crm: 'salesforce',
  project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', fieldMap: { lead: { utm_campaign: 'Campaign__c', pool: 'Pool__c' } }, pipelineRules: [{ pipeline: 'Ads', param: 'pool', value: 'Context ads' }] },
  employees: [
    { id: 'e1', name: 'Olena Top', crmUserId: 'u1', extension: '100', topManager: true },
    { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101' },
    { id: 'e3', name: 'Maria', crmUserId: 'u3', extension: '102', sipLogins: ['maria'] },
  ],
};
const users = [{ id: 'u1', name: 'Olena Top' }, { id: 'u2', name: 'Petro' }, { id: 'u3', name: 'Maria' }];
const CLIENT = '+380671234567';
const LINE = '+380441234567';
const at = (minute: number): string => `2026-11-20T10:${String(minute).padStart(2, '0')}:00+02:00`;
const tracking = { utm: { source: 'google', medium: 'cpc', campaign: 'winter' }, pool: 'Context ads', gaClientId: '123.456' };

function scenario(crmState: Record<string, unknown>, events: unknown[]): Scenario {
  const parsed = parseScenario({ ...base, crm_state: { users, ...crmState }, events });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

const SCENARIOS: Record<string, Scenario> = {
  'SF-1/SF-2/SF-7 new client answered': scenario({}, [
    { type: 'call.started', callId: 'k1', at: at(0), direction: 'incoming', from: CLIENT, to: LINE, tracking },
    { type: 'call.answered', callId: 'k1', at: at(1), employee: { extension: '101' } },
    { type: 'call.ended', callId: 'k1', at: at(4), disposition: 'answered', durationSec: 185, talkSec: 178, recordingUrl: 'https://records.example/k1.mp3' },
  ]),
  'SF-8 existing contact with an open deal, answered by another manager (G1: stored as +38-067-…)': scenario({
    organizations: [{ id: 'o1', name: 'Acme', ownerId: 'u2' }],
    contacts: [{ id: 'c1', name: 'Ivan', phones: ['+38-067-123-4567'], ownerId: 'u2', organizationId: 'o1' }],
    deals: [{ id: 'd1', name: 'Ivan deal', contactId: 'c1', organizationId: 'o1', ownerId: 'u2', status: 'open', pipeline: 'Sales' }],
  }, [
    { type: 'call.started', callId: 'k2', at: at(0), direction: 'incoming', from: CLIENT, to: LINE, tracking: { utm: { source: 'bing' } } },
    { type: 'call.answered', callId: 'k2', at: at(1), employee: { extension: '102' } },
    { type: 'call.ended', callId: 'k2', at: at(3), disposition: 'answered', durationSec: 120, talkSec: 110, recordingUrl: 'https://records.example/k2.mp3' },
  ]),
  'SF-5/SF-8 existing open lead stored as 0671234567, answered by another manager': scenario({
    leads: [{ id: 'l1', name: 'Lead Ivan', phones: ['067 123 4567'], ownerId: 'u2', status: 'open' }],
  }, [
    { type: 'call.started', callId: 'k3', at: at(0), direction: 'incoming', from: '0671234567', to: LINE },
    { type: 'call.answered', callId: 'k3', at: at(1), employee: { extension: '102' } },
    { type: 'call.ended', callId: 'k3', at: at(2), disposition: 'answered', durationSec: 60, talkSec: 55 },
  ]),
  'SF-3 missed new client': scenario({}, [
    { type: 'call.started', callId: 'k4', at: at(0), direction: 'incoming', from: CLIENT, to: LINE },
    { type: 'call.ended', callId: 'k4', at: at(1), disposition: 'missed', durationSec: 30 },
  ]),
  'voicemail of a new client': scenario({}, [
    { type: 'call.ended', callId: 'k5', at: at(2), direction: 'incoming', from: CLIENT, to: LINE, disposition: 'voicemail', durationSec: 40, recordingUrl: 'https://records.example/k5.mp3' },
  ]),
  'SF-11 outgoing answered by another manager, open lead': scenario({
    leads: [{ id: 'l1', name: 'Lead Ivan', phones: ['380671234567'], ownerId: 'u2', status: 'open' }],
  }, [
    { type: 'call.started', callId: 'k6', at: at(0), direction: 'outgoing', from: LINE, to: CLIENT, employee: { extension: '102' } },
    { type: 'call.ended', callId: 'k6', at: at(3), disposition: 'answered', durationSec: 90, talkSec: 80, recordingUrl: 'https://records.example/k6.mp3' },
  ]),
  'form submitted (lead and comment)': scenario({}, [
    { type: 'form.submitted', eventId: 'f1', at: at(5), phone: '0671234567', name: 'Ivan', email: 'ivan@example.com', fields: { message: 'Call me' }, tracking: { utm: { source: 'facebook' }, gaClientId: '1.2' } },
  ]),
  'transfer with legs, recording after the end': scenario({}, [
    { type: 'call.started', callId: 'k7', at: at(0), direction: 'incoming', from: CLIENT, to: LINE },
    { type: 'call.answered', callId: 'k7', at: at(1), employee: { extension: '101' } },
    { type: 'call.transferred', callId: 'k7', at: at(3), employee: { sipLogin: 'maria' } },
    { type: 'call.ended', callId: 'k7', at: at(6), disposition: 'answered', durationSec: 330, talkSec: 300 },
    { type: 'call.recording', callId: 'k7', at: at(8), recordingUrl: 'https://records.example/k7.mp3' },
  ]),
  'G11 messenger dialog': scenario({}, [
    { type: 'messenger.dialog_started', dialogId: 'm1', at: at(0), channel: 'telegram', clientId: 'tg-5551', name: 'Ivan', tracking: { utm: { source: 'instagram' } } },
    { type: 'messenger.contact_provided', dialogId: 'm1', at: at(2), channel: 'telegram', clientId: 'tg-5551', name: 'Ivan', phone: CLIENT, employee: { id: 'e2' } },
    { type: 'messenger.dialog_ended', dialogId: 'm1', at: at(9), channel: 'telegram', clientId: 'tg-5551', employee: { id: 'e2' }, chatUrl: 'https://chat.example/m1' },
  ]),
};

describe('D12 equality: Salesforce adapter + emulator vs the in-memory CRM', () => {
  for (const [name, s] of Object.entries(SCENARIOS)) {
    it(`D12: ${name}`, async () => {
      const { expected, actual, memory, viaAdapter } = await compareWithMemory(s, () => startSalesforceEmulator());
      expect(viaAdapter.journal.map((e) => [e.outcome, e.operations.map((o) => o.op)])).toEqual(memory.journal.map((e) => [e.outcome, e.operations.map((o) => o.op)]));
      expect(actual).toEqual(expected);
    });
  }
});
