import { describe, expect, it } from 'vitest';
import { parseEvent, type Event } from '../../domain/events.js';
import { zadarma } from './index.js';

// Zadarma notifications in wire format → native events (scenario-format §3, telephony-sources.md §2.2, §7.3-7.4).

const RECEIVED = new Date('2024-04-02T09:31:00Z');
const KYIV = 'Europe/Kyiv';

function parse(fields: Record<string, string>, settings: Record<string, string> = {}) {
  return zadarma.parse(
    Buffer.from(new URLSearchParams(fields).toString()),
    { apiSecret: 's', ...settings },
    { receivedAt: RECEIVED, timezone: KYIV },
  );
}

function events(fields: Record<string, string>, settings: Record<string, string> = {}): Event[] {
  const parsed = parse(fields, settings);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  for (const event of parsed.value) {
    expect(parseEvent(event)).toStrictEqual({ ok: true, value: event });
    expect(Object.values(event)).not.toContain(undefined);
  }
  return parsed.value;
}

const call = {
  call_start: '2024-04-02 12:28:43',
  pbx_call_id: 'in_3f6c2a8e',
  caller_id: '380671234567',
  called_did: '380443334455',
};
const end = {
  ...call,
  event: 'NOTIFY_END',
  internal: '101',
  duration: '81',
  disposition: 'answered',
  status_code: '16',
  is_recorded: '1',
  call_id_with_rec: '1712050123.4711',
};
const out = {
  call_start: '2024-04-02 12:28:43',
  pbx_call_id: 'out_77',
  internal: '101',
  destination: '380671234567',
};

describe('Zadarma inbound call → events', () => {
  it('maps NOTIFY_START to call.started at call_start read in the account timezone', () => {
    expect(events({ ...call, event: 'NOTIFY_START' })).toEqual([
      {
        type: 'call.started',
        eventId: 'zadarma:in_3f6c2a8e:start',
        callId: 'in_3f6c2a8e',
        at: '2024-04-02T09:28:43.000Z',
        direction: 'incoming',
        from: '380671234567',
        to: '380443334455',
      },
    ]);
  });

  it('reads call_start in the timezone of the source settings when given', () => {
    expect(events({ ...call, event: 'NOTIFY_START' }, { timezone: 'UTC' })[0]?.at).toBe(
      '2024-04-02T12:28:43.000Z',
    );
  });

  it('maps NOTIFY_INTERNAL (ringing an extension) to nothing', () => {
    expect(events({ ...call, event: 'NOTIFY_INTERNAL', internal: '101' })).toEqual([]);
  });

  it('maps NOTIFY_ANSWER to call.answered by the extension, one eventId per extension', () => {
    const first = events({ ...call, event: 'NOTIFY_ANSWER', destination: '101', internal: '101' });
    expect(first).toEqual([
      {
        type: 'call.answered',
        eventId: 'zadarma:in_3f6c2a8e:answer:101',
        callId: 'in_3f6c2a8e',
        at: RECEIVED.toISOString(),
        employee: { extension: '101' },
      },
    ]);
    expect(
      events({ ...call, event: 'NOTIFY_ANSWER', destination: '102', internal: '102' })[0]?.eventId,
    ).not.toBe(first[0]?.eventId);
  });

  it('names a forwarded mobile that answers by its phone', () => {
    expect(
      events({ ...call, event: 'NOTIFY_ANSWER', destination: '380501000001' })[0],
    ).toMatchObject({ employee: { phone: '380501000001' } });
  });

  it('maps NOTIFY_END to call.ended carrying the whole call and who talked', () => {
    expect(events(end)).toEqual([
      {
        type: 'call.ended',
        eventId: 'zadarma:in_3f6c2a8e:end',
        callId: 'in_3f6c2a8e',
        at: RECEIVED.toISOString(),
        disposition: 'answered',
        durationSec: 81,
        direction: 'incoming',
        from: '380671234567',
        to: '380443334455',
        employee: { extension: '101' },
      },
    ]);
  });

  it('prefers last_internal as who talked last', () => {
    expect(events({ ...end, last_internal: '102' })[0]).toMatchObject({
      employee: { extension: '102' },
    });
  });

  it('names no employee on a call nobody answered', () => {
    expect(events({ ...end, disposition: 'no answer' })[0]).not.toHaveProperty('employee');
  });

  it.each([
    ['answered', 'answered'],
    ['no answer', 'missed'],
    ['cancel', 'missed'],
    ['busy', 'busy'],
    ['failed', 'failed'],
    ['unallocated number', 'failed'],
    ['no money', 'failed'],
    ['no money, no limit', 'failed'],
    ['line limit', 'failed'],
    ['something new', 'failed'],
  ])('maps disposition "%s" to %s', (native, disposition) => {
    expect(events({ ...end, disposition: native })[0]).toMatchObject({ disposition });
  });

  it('keeps a hidden caller id as "anonymous", which never matches a client', () => {
    expect(events({ ...call, event: 'NOTIFY_START', caller_id: '' })[0]).toMatchObject({
      from: 'anonymous',
    });
  });

  it('gives a re-sent notification the same event (a replay is a duplicate)', () => {
    expect(events(end)[0]?.eventId).toBe('zadarma:in_3f6c2a8e:end');
    expect(events(end)).toEqual(events(end));
  });

  it('never dates a later notification before the call started', () => {
    const early = new Date('2024-04-02T09:00:00Z');
    const parsed = zadarma.parse(
      Buffer.from(new URLSearchParams(end).toString()),
      { apiSecret: 's' },
      { receivedAt: early, timezone: KYIV },
    );
    expect(parsed.ok && parsed.value[0]?.at).toBe('2024-04-02T09:28:43.000Z');
  });
});

describe('Zadarma outbound call → events', () => {
  it('maps NOTIFY_OUT_START to an outgoing call.started by the extension', () => {
    expect(events({ ...out, event: 'NOTIFY_OUT_START' })).toEqual([
      {
        type: 'call.started',
        eventId: 'zadarma:out_77:start',
        callId: 'out_77',
        at: '2024-04-02T09:28:43.000Z',
        direction: 'outgoing',
        from: '101',
        to: '380671234567',
        employee: { extension: '101' },
      },
    ]);
  });

  it('maps NOTIFY_OUT_END to call.ended, the line from caller_id when sent', () => {
    const ended = events({
      ...out,
      event: 'NOTIFY_OUT_END',
      caller_id: '380443334455',
      duration: '0',
      disposition: 'busy',
    });
    expect(ended).toEqual([
      {
        type: 'call.ended',
        eventId: 'zadarma:out_77:end',
        callId: 'out_77',
        at: RECEIVED.toISOString(),
        disposition: 'busy',
        durationSec: 0,
        direction: 'outgoing',
        from: '380443334455',
        to: '380671234567',
        employee: { extension: '101' },
      },
    ]);
  });
});

describe('Zadarma NOTIFY_RECORD → call.recording', () => {
  const record = {
    event: 'NOTIFY_RECORD',
    pbx_call_id: 'in_3f6c2a8e',
    call_id_with_rec: '1712050123.4711',
  };

  it('maps to nothing without a recordingUrl template: Zadarma sends no link', () => {
    expect(events(record)).toEqual([]);
  });

  it('fills the template with call_id_with_rec', () => {
    expect(
      events(record, {
        recordingUrl: 'https://rec.example.com/z/{call_id_with_rec}.mp3?call={pbx_call_id}',
      }),
    ).toEqual([
      {
        type: 'call.recording',
        eventId: 'zadarma:in_3f6c2a8e:record:1712050123.4711',
        callId: 'in_3f6c2a8e',
        at: RECEIVED.toISOString(),
        recordingUrl: 'https://rec.example.com/z/1712050123.4711.mp3?call=in_3f6c2a8e',
      },
    ]);
  });
});

describe('Zadarma payload problems name the field', () => {
  it('reports an unknown event', () => {
    const parsed = parse({ ...call, event: 'NOTIFY_IVR' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['event']);
  });

  it('reports missing and malformed fields of a known event', () => {
    const parsed = parse({
      event: 'NOTIFY_END',
      pbx_call_id: 'x',
      caller_id: '1',
      called_did: '2',
      call_start: '02.04.2024',
      duration: 'long',
      disposition: 'answered',
    });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path).sort()).toEqual([
      'call_start',
      'duration',
    ]);
  });

  it('validates the settings: API secret required, timezone and template checked', () => {
    expect(zadarma.settings.safeParse({ apiSecret: 'x', timezone: 'Europe/Kyiv' }).success).toBe(
      true,
    );
    expect(zadarma.settings.safeParse({}).success).toBe(false);
    expect(zadarma.settings.safeParse({ apiSecret: 'x', timezone: 'Mars/Base' }).success).toBe(
      false,
    );
    expect(
      zadarma.settings.safeParse({ apiSecret: 'x', recordingUrl: 'https://rec.example.com/' })
        .success,
    ).toBe(false);
  });
});
