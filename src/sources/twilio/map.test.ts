import { describe, expect, it } from 'vitest';
import { parseEvent, type Event } from '../../domain/events.js';
import { twilio } from './index.js';

// Twilio callbacks in wire format → native events (scenario-format §3, telephony-sources.md §4, §7.3-7.4).

const PARENT = 'CA1e00000000000000000000000000000a';
const CHILD = 'CA5b00000000000000000000000000000b';
const RECEIVED = new Date('2024-04-02T09:31:00Z');
const settings = { authToken: 't' };

function parse(params: Record<string, string>) {
  return twilio.parse(Buffer.from(new URLSearchParams(params).toString()), settings, {
    receivedAt: RECEIVED,
    timezone: 'UTC',
  });
}

function events(params: Record<string, string>): Event[] {
  const parsed = parse(params);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  // Every produced event must pass the native schema unchanged.
  for (const event of parsed.value) {
    expect(parseEvent(event)).toStrictEqual({ ok: true, value: event });
    expect(Object.values(event)).not.toContain(undefined);
  }
  return parsed.value;
}

const inbound = {
  AccountSid: 'AC9f000000000000000000000000000000',
  CallSid: PARENT,
  From: '+380671234567',
  To: '+380441234567',
  Direction: 'inbound',
  Timestamp: 'Tue, 02 Apr 2024 09:30:05 +0000',
  ApiVersion: '2010-04-01',
  CallbackSource: 'call-progress-events',
};

describe('Twilio status callbacks → events', () => {
  it('maps initiated and ringing of the parent leg to one call.started (same eventId)', () => {
    const initiated = events({ ...inbound, CallStatus: 'initiated', SequenceNumber: '0' });
    const ringing = events({ ...inbound, CallStatus: 'ringing', SequenceNumber: '1' });
    expect(initiated).toEqual([
      {
        type: 'call.started',
        eventId: `twilio:${PARENT}:started`,
        callId: PARENT,
        at: '2024-04-02T09:30:05.000Z',
        direction: 'incoming',
        from: '+380671234567',
        to: '+380441234567',
      },
    ]);
    expect(ringing[0]?.eventId).toBe(initiated[0]?.eventId);
  });

  it('gives a re-delivered callback the same eventId (a Twilio retry is a duplicate)', () => {
    const params = { ...inbound, CallStatus: 'completed', CallDuration: '95' };
    expect(events(params)).toEqual(events(params));
  });

  it('maps a child leg picking up to call.answered by that client identity', () => {
    const child = {
      ...inbound,
      CallSid: CHILD,
      ParentCallSid: PARENT,
      To: 'client:olena',
      Direction: 'outbound-dial',
      CallStatus: 'in-progress',
    };
    expect(events(child)).toEqual([
      {
        type: 'call.answered',
        eventId: `twilio:${PARENT}:answered:${CHILD}`,
        callId: PARENT,
        at: '2024-04-02T09:30:05.000Z',
        employee: { sipLogin: 'olena' },
      },
    ]);
  });

  it('names a SIP target by its user part and a forwarded mobile by its phone', () => {
    const child = {
      ...inbound,
      CallSid: CHILD,
      ParentCallSid: PARENT,
      Direction: 'outbound-dial',
      CallStatus: 'in-progress',
    };
    expect(
      events({ ...child, To: 'sip:petro@acme.sip.twilio.com;transport=tls' })[0],
    ).toMatchObject({ employee: { sipLogin: 'petro' } });
    expect(events({ ...child, To: '+380501000001' })[0]).toMatchObject({
      employee: { phone: '+380501000001' },
    });
  });

  it('ignores the other statuses of a child leg and the parent leg going in-progress', () => {
    const child = {
      ...inbound,
      CallSid: CHILD,
      ParentCallSid: PARENT,
      To: 'client:olena',
      Direction: 'outbound-dial',
    };
    for (const status of ['initiated', 'ringing', 'completed', 'no-answer', 'busy', 'canceled'])
      expect(events({ ...child, CallStatus: status })).toEqual([]);
    expect(events({ ...inbound, CallStatus: 'in-progress' })).toEqual([]);
  });

  it('maps the final status of the parent to call.ended carrying the whole call (it may arrive alone)', () => {
    const ended = events({
      ...inbound,
      CallStatus: 'completed',
      CallDuration: '95',
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC9f/Recordings/RE1`,
    });
    expect(ended).toEqual([
      {
        type: 'call.ended',
        eventId: `twilio:${PARENT}:ended`,
        callId: PARENT,
        at: '2024-04-02T09:30:05.000Z',
        disposition: 'answered',
        durationSec: 95,
        recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC9f/Recordings/RE1.mp3',
        direction: 'incoming',
        from: '+380671234567',
        to: '+380441234567',
      },
    ]);
  });

  it.each([
    ['completed', 'answered'],
    ['no-answer', 'missed'],
    ['canceled', 'missed'],
    ['busy', 'busy'],
    ['failed', 'failed'],
  ])('maps CallStatus %s to disposition %s', (status, disposition) => {
    expect(events({ ...inbound, CallStatus: status })[0]).toMatchObject({
      type: 'call.ended',
      disposition,
    });
  });

  it('reads a Voice SDK client dialling out as an outgoing call by that employee', () => {
    const out = events({
      ...inbound,
      From: 'client:olena',
      To: '+380671234567',
      CallStatus: 'initiated',
    });
    expect(out[0]).toMatchObject({
      direction: 'outgoing',
      from: 'client:olena',
      to: '+380671234567',
      employee: { sipLogin: 'olena' },
    });
  });

  it('reads a REST-created call as outgoing by an unknown employee, client to client as internal', () => {
    expect(
      events({ ...inbound, Direction: 'outbound-api', CallStatus: 'queued' })[0],
    ).toMatchObject({ direction: 'outgoing' });
    expect(
      events({ ...inbound, Direction: 'outbound-api', CallStatus: 'queued' })[0],
    ).not.toHaveProperty('employee');
    expect(
      events({ ...inbound, From: 'client:a', To: 'client:b', CallStatus: 'ringing' })[0],
    ).toMatchObject({ direction: 'internal' });
  });

  it('uses the arrival time when Timestamp is absent or unreadable', () => {
    const noTime: Record<string, string> = { ...inbound };
    delete noTime['Timestamp'];
    expect(events({ ...noTime, CallStatus: 'ringing' })[0]?.at).toBe(RECEIVED.toISOString());
    expect(events({ ...inbound, Timestamp: 'soon', CallStatus: 'ringing' })[0]?.at).toBe(
      RECEIVED.toISOString(),
    );
  });
});

describe('Twilio <Dial action> → call.ended', () => {
  const action = { ...inbound, DialCallSid: CHILD, DialCallDuration: '81' };

  it('takes the disposition from DialCallStatus and shares the eventId of the final status callback', () => {
    const missed = events({ ...action, CallStatus: 'in-progress', DialCallStatus: 'no-answer' });
    expect(missed).toEqual([
      {
        type: 'call.ended',
        eventId: `twilio:${PARENT}:ended`,
        callId: PARENT,
        at: '2024-04-02T09:30:05.000Z',
        disposition: 'missed',
        talkSec: 81,
        direction: 'incoming',
        from: '+380671234567',
        to: '+380441234567',
      },
    ]);
    expect(events({ ...inbound, CallStatus: 'completed' })[0]?.eventId).toBe(missed[0]?.eventId);
    expect(events({ ...action, DialCallStatus: 'completed' })[0]).toMatchObject({
      disposition: 'answered',
    });
    expect(events({ ...action, DialCallStatus: 'busy' })[0]).toMatchObject({ disposition: 'busy' });
  });
});

describe('Twilio recording callbacks → call.recording', () => {
  const recording = {
    AccountSid: inbound.AccountSid,
    CallSid: PARENT,
    RecordingSid: 'RE0a000000000000000000000000000001',
    RecordingUrl:
      'https://api.twilio.com/2010-04-01/Accounts/AC9f/Recordings/RE0a000000000000000000000000000001',
    RecordingDuration: '81',
    RecordingChannels: '2',
    RecordingSource: 'DialVerb',
  };

  it('maps a completed recording to call.recording with an MP3 link', () => {
    expect(events({ ...recording, RecordingStatus: 'completed' })).toEqual([
      {
        type: 'call.recording',
        eventId: `twilio:${PARENT}:recording:${recording.RecordingSid}`,
        callId: PARENT,
        at: RECEIVED.toISOString(),
        recordingUrl: `${recording.RecordingUrl}.mp3`,
      },
    ]);
  });

  it('keeps a link that already names its format', () => {
    expect(
      events({
        ...recording,
        RecordingUrl: `${recording.RecordingUrl}.wav`,
        RecordingStatus: 'completed',
      })[0],
    ).toMatchObject({ recordingUrl: `${recording.RecordingUrl}.wav` });
  });

  it('maps in-progress, absent and failed recordings to nothing', () => {
    for (const status of ['in-progress', 'absent', 'failed'])
      expect(events({ ...recording, RecordingStatus: status })).toEqual([]);
  });
});

describe('Twilio payload problems name the field', () => {
  it('reports a missing CallSid, an unknown CallStatus and a non-numeric CallDuration', () => {
    const noSid: Record<string, string> = { ...inbound };
    delete noSid['CallSid'];
    const parsed = parse({ ...noSid, CallStatus: 'paused', CallDuration: 'long' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path).sort()).toEqual([
      'CallDuration',
      'CallSid',
      'CallStatus',
    ]);
  });

  it('reports a recording callback without RecordingUrl', () => {
    const parsed = parse({ CallSid: PARENT, RecordingSid: 'RE1', RecordingStatus: 'completed' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['RecordingUrl']);
  });

  it('validates the project settings: an Auth Token is required, publicUrl must be a URL', () => {
    expect(
      twilio.settings.safeParse({ authToken: 'x', publicUrl: 'https://hooks.example.com' }).success,
    ).toBe(true);
    expect(twilio.settings.safeParse({ publicUrl: 'https://hooks.example.com' }).success).toBe(
      false,
    );
    expect(twilio.settings.safeParse({ authToken: 'x', publicUrl: 'hooks' }).success).toBe(false);
  });
});
