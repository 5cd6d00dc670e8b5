import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sandbox/simulate.js';
import type { Event } from '../domain/events.js';
import { parseScenario } from '../domain/scenario.js';
import { bindSourceNamed, type BoundSource } from './index.js';

// Source callbacks, verified and mapped, then worked through the real engine
// against the in-memory CRM: the mapped events are ones the engine understands.

const KYIV = 'Europe/Kyiv';

function scenario(events: Event[]) {
  const parsed = parseScenario({
    crm: 'pipedrive',
    project: { defaultCountry: 'UA', timezone: KYIV },
    employees: [
      {
        id: 'e1',
        name: 'Olena Top',
        crmUserId: 'u1',
        extension: '100',
        sipLogins: ['olena'],
        topManager: true,
      },
      { id: 'e2', name: 'Petro', crmUserId: 'u2', extension: '101', sipLogins: ['petro'] },
    ],
    crm_state: {
      users: [
        { id: 'u1', name: 'Olena Top' },
        { id: 'u2', name: 'Petro' },
      ],
    },
    events,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

function bound(name: 'twilio' | 'zadarma', settings: unknown): BoundSource {
  const result = bindSourceNamed(name, settings);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** What the route does: verify the raw bytes, then parse them. */
function deliver(
  source: BoundSource,
  fields: Record<string, string>,
  headers: Record<string, string>,
  url: string,
  receivedAt: Date,
): Event[] {
  const raw = Buffer.from(new URLSearchParams(fields).toString());
  expect(source.verify(raw, headers, url, receivedAt)).toEqual({ ok: true });
  const parsed = source.parse(raw, { receivedAt, timezone: KYIV });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('sources → engine', () => {
  it('a Zadarma inbound call answered by extension 101 lands in the CRM as an answered call of Petro', async () => {
    const secret = 'zd-secret';
    const zadarma = bound('zadarma', { apiSecret: secret });
    const sign = (text: string) =>
      Buffer.from(createHmac('sha1', secret).update(text).digest('hex')).toString('base64');
    const call = {
      call_start: '2026-11-20 10:00:00',
      pbx_call_id: 'in_1',
      caller_id: '380671234567',
    };
    const did = '380443334455';
    const url = 'http://127.0.0.1:8080/v1/projects/acme/sources/zadarma';
    const events = [
      ...deliver(
        zadarma,
        { event: 'NOTIFY_START', ...call, called_did: did },
        { signature: sign(call.caller_id + did + call.call_start) },
        url,
        new Date('2026-11-20T08:00:01Z'),
      ),
      ...deliver(
        zadarma,
        { event: 'NOTIFY_ANSWER', ...call, destination: '101', internal: '101' },
        { signature: sign(`${call.caller_id}101${call.call_start}`) },
        url,
        new Date('2026-11-20T08:00:09Z'),
      ),
      ...deliver(
        zadarma,
        {
          event: 'NOTIFY_END',
          ...call,
          called_did: did,
          internal: '101',
          duration: '120',
          disposition: 'answered',
          status_code: '16',
          is_recorded: '0',
        },
        { signature: sign(call.caller_id + did + call.call_start) },
        url,
        new Date('2026-11-20T08:02:10Z'),
      ),
    ];
    const result = await simulate(scenario(events));
    expect(result.journal.map((entry) => entry.outcome)).toEqual(['applied', 'applied', 'applied']);
    expect(result.crm_state.calls).toMatchObject([
      { callId: 'in_1', direction: 'incoming', disposition: 'answered', userId: 'u2' },
    ]);
  });

  it('a Twilio inbound call nobody answered (Dial action no-answer) lands as a missed call', async () => {
    const token = 'tw-token';
    const twilio = bound('twilio', { authToken: token, publicUrl: 'https://hooks.example.com' });
    const path = '/v1/projects/acme/sources/twilio';
    const sign = (fields: Record<string, string>) => {
      let data = `https://hooks.example.com${path}`;
      for (const name of Object.keys(fields).sort()) data += name + fields[name];
      return createHmac('sha1', token).update(data).digest('base64');
    };
    const base = {
      CallSid: 'CA0000000000000000000000000000000a',
      From: '+380671234567',
      To: '+380441234567',
      Direction: 'inbound',
    };
    const ringing = {
      ...base,
      CallStatus: 'ringing',
      Timestamp: 'Fri, 20 Nov 2026 08:00:00 +0000',
    };
    const dial = {
      ...base,
      CallStatus: 'in-progress',
      DialCallStatus: 'no-answer',
      DialCallDuration: '0',
    };
    const url = `http://127.0.0.1:8080${path}`;
    const events = [
      ...deliver(
        twilio,
        ringing,
        { 'x-twilio-signature': sign(ringing) },
        url,
        new Date('2026-11-20T08:00:01Z'),
      ),
      ...deliver(
        twilio,
        dial,
        { 'x-twilio-signature': sign(dial) },
        url,
        new Date('2026-11-20T08:00:31Z'),
      ),
    ];
    const result = await simulate(scenario(events));
    expect(result.journal.map((entry) => entry.outcome)).toEqual(['applied', 'applied']);
    expect(result.journal[1]?.conditions).toContain('incoming.missed');
  });
});
