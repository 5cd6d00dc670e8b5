import type { Direction, Disposition, EmployeeRef, Event } from '../../domain/events.js';
import { isoFromDate } from '../common/time.js';
import type {
  CallStatus,
  DialAction,
  DialStatus,
  RecordingCallback,
  StatusCallback,
  TwilioDirection,
} from './schema.js';

// Twilio callbacks → native events (scenario-format §3). The mapping is
// documented in ../README.md; keep the two in step.
//
// Event ids are built from the call and the phase, never from the delivery,
// so a Twilio retry, or a second status of the same phase (`initiated` then
// `ringing`), is a duplicate at ingest (service.md §4).

/** The whole call: the caller's (parent) leg. */
function callIdOf(p: { CallSid: string; ParentCallSid?: string | undefined }): string {
  return p.ParentCallSid ?? p.CallSid;
}

function atOf(timestamp: string | undefined, receivedAt: Date): string {
  const at = timestamp ? isoFromDate(new Date(timestamp)) : null;
  return at ?? receivedAt.toISOString();
}

/** `client:olena` and `sip:petro@acme.sip.twilio.com` are people; anything else is a phone line. */
export function identityOf(party: string): string | null {
  const client = /^client:(.+)$/i.exec(party);
  if (client?.[1]) return client[1];
  const sip = /^sip:([^@;]+)/i.exec(party);
  return sip?.[1] ?? null;
}

export function employeeOf(party: string): EmployeeRef {
  const identity = identityOf(party);
  return identity ? { sipLogin: identity } : { phone: party };
}

interface CallShape {
  readonly direction: Direction;
  readonly from: string;
  readonly to: string;
  readonly employee?: EmployeeRef;
}

/**
 * Who called whom. A Voice SDK or SIP phone placing a call arrives as
 * `inbound` with a `client:`/`sip:` caller: that is an employee dialling out.
 */
export function callShape(direction: TwilioDirection, from: string, to: string): CallShape {
  const caller = identityOf(from);
  const callee = identityOf(to);
  if (caller && callee) return { direction: 'internal', from, to };
  if (caller) return { direction: 'outgoing', from, to, employee: { sipLogin: caller } };
  const outgoing =
    direction === 'outbound-api' ||
    direction === 'outbound-dial' ||
    direction === 'trunking-originating';
  return { direction: outgoing ? 'outgoing' : 'incoming', from, to };
}

const CALL_DISPOSITION: Partial<Record<CallStatus, Disposition>> = {
  // Twilio's `completed` means the leg connected. An inbound call whose <Dial>
  // nobody answered also ends `completed`; post the <Dial action> to the same
  // URL so that its DialCallStatus (which arrives first) decides instead.
  completed: 'answered',
  busy: 'busy',
  'no-answer': 'missed',
  canceled: 'missed',
  failed: 'failed',
};

const DIAL_DISPOSITION: Record<DialStatus, Disposition> = {
  completed: 'answered',
  answered: 'answered',
  busy: 'busy',
  'no-answer': 'missed',
  canceled: 'missed',
  failed: 'failed',
};

/** Twilio serves a recording as WAV unless asked otherwise; MP3 is what a CRM user can play. */
export function playableRecordingUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return /\.[a-z0-9]{2,4}$/i.test(path.slice(path.lastIndexOf('/'))) ? url : `${url}.mp3`;
}

export function mapStatusCallback(p: StatusCallback, receivedAt: Date): Event[] {
  const callId = callIdOf(p);
  const at = atOf(p.Timestamp, receivedAt);
  if (p.ParentCallSid) {
    // A child leg (<Dial> target). Only its pickup says something the parent does not: who answered.
    if (p.CallStatus !== 'in-progress') return [];
    return [
      {
        type: 'call.answered',
        eventId: `twilio:${callId}:answered:${p.CallSid}`,
        callId,
        at,
        employee: employeeOf(p.To),
      },
    ];
  }
  const shape = callShape(p.Direction, p.From, p.To);
  switch (p.CallStatus) {
    case 'queued':
    case 'initiated':
    case 'ringing':
      return [{ type: 'call.started', eventId: `twilio:${callId}:started`, callId, at, ...shape }];
    case 'in-progress':
      // The parent leg is "answered" by Twilio itself (to run TwiML) or by the client on an outgoing call: no employee pickup.
      return [];
    default: {
      const disposition = CALL_DISPOSITION[p.CallStatus] ?? 'failed';
      return [
        {
          type: 'call.ended',
          eventId: `twilio:${callId}:ended`,
          callId,
          at,
          disposition,
          ...(p.CallDuration !== undefined && { durationSec: p.CallDuration }),
          ...(p.RecordingUrl && { recordingUrl: playableRecordingUrl(p.RecordingUrl) }),
          ...shape,
        },
      ];
    }
  }
}

export function mapDialAction(p: DialAction, receivedAt: Date): Event[] {
  const callId = p.CallSid;
  const shape = callShape(p.Direction, p.From, p.To);
  return [
    {
      // Same id as the parent's final status callback: whichever comes first is the call's end.
      type: 'call.ended',
      eventId: `twilio:${callId}:ended`,
      callId,
      at: atOf(p.Timestamp, receivedAt),
      disposition: DIAL_DISPOSITION[p.DialCallStatus],
      ...(p.DialCallDuration !== undefined && { talkSec: p.DialCallDuration }),
      ...(p.RecordingUrl && { recordingUrl: playableRecordingUrl(p.RecordingUrl) }),
      ...shape,
    },
  ];
}

export function mapRecordingCallback(p: RecordingCallback, receivedAt: Date): Event[] {
  // `in-progress`, `absent` and `failed` leave nothing to link to.
  if (p.RecordingStatus !== 'completed') return [];
  const callId = p.CallSid;
  return [
    {
      type: 'call.recording',
      eventId: `twilio:${callId}:recording:${p.RecordingSid}`,
      callId,
      at: atOf(p.Timestamp, receivedAt),
      recordingUrl: playableRecordingUrl(p.RecordingUrl),
    },
  ];
}
