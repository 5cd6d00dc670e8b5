import type { Disposition, EmployeeRef, Event } from '../../domain/events.js';
import { isoFromLocal } from '../common/time.js';
import type { Notification } from './schema.js';

// Zadarma notifications → native events (scenario-format §3). Documented in
// ../README.md; keep the two in step. Event ids are built from pbx_call_id and
// the phase, so a re-sent or replayed notification is a duplicate at ingest.

const DISPOSITION: Readonly<Record<string, Disposition>> = {
  answered: 'answered',
  'no answer': 'missed',
  cancel: 'missed',
  busy: 'busy',
  failed: 'failed',
  'unallocated number': 'failed',
  'no money': 'failed',
  'no limit': 'failed',
  'no day limit': 'failed',
  'line limit': 'failed',
  'no money, no limit': 'failed',
};

/** Zadarma's list is long and grows; a value not in it ended the call without a conversation. */
export function dispositionOf(value: string): Disposition {
  return DISPOSITION[value.trim().toLowerCase()] ?? 'failed';
}

/** An extension is short; a longer number is a phone the call was forwarded to. */
export function employeeOf(party: string): EmployeeRef {
  return /^\+?\d{7,}$/.test(party) ? { phone: party } : { extension: party };
}

export interface MapContext {
  readonly receivedAt: Date;
  readonly timezone: string;
  readonly recordingUrl?: string | undefined;
}

export function mapNotification(n: Notification, context: MapContext): Event[] {
  const callId = n.pbx_call_id;
  const id = (phase: string): string => `zadarma:${callId}:${phase}`;
  if (n.event === 'NOTIFY_RECORD') {
    if (!context.recordingUrl) return [];
    const recordingUrl = context.recordingUrl
      .replaceAll('{call_id_with_rec}', encodeURIComponent(n.call_id_with_rec))
      .replaceAll('{pbx_call_id}', encodeURIComponent(callId));
    return [
      {
        type: 'call.recording',
        eventId: id(`record:${n.call_id_with_rec}`),
        callId,
        at: context.receivedAt.toISOString(),
        recordingUrl,
      },
    ];
  }
  const started = isoFromLocal(n.call_start, context.timezone) ?? context.receivedAt.toISOString();
  // Only the start carries its own time; later notifications are sent as they
  // happen, so their arrival is their time, never before the call's start.
  const now = context.receivedAt.toISOString();
  const later = Date.parse(now) > Date.parse(started) ? now : started;
  switch (n.event) {
    case 'NOTIFY_START':
      return [
        {
          type: 'call.started',
          eventId: id('start'),
          callId,
          at: started,
          direction: 'incoming',
          from: n.caller_id,
          to: n.called_did,
        },
      ];
    case 'NOTIFY_INTERNAL':
      // Ringing an extension: the native format has no ringing event.
      return [];
    case 'NOTIFY_ANSWER': {
      const who = n.internal ?? n.destination;
      return [
        {
          type: 'call.answered',
          eventId: id(`answer:${who}`),
          callId,
          at: later,
          employee: employeeOf(who),
        },
      ];
    }
    case 'NOTIFY_END': {
      const disposition = dispositionOf(n.disposition);
      const talked = n.last_internal ?? n.internal;
      return [
        {
          type: 'call.ended',
          eventId: id('end'),
          callId,
          at: later,
          disposition,
          durationSec: n.duration,
          direction: 'incoming',
          from: n.caller_id,
          to: n.called_did,
          // The extension on a missed call is only the last one rung, not someone who talked.
          ...(disposition === 'answered' &&
            talked !== undefined && { employee: employeeOf(talked) }),
        },
      ];
    }
    case 'NOTIFY_OUT_START':
      return [
        {
          type: 'call.started',
          eventId: id('start'),
          callId,
          at: started,
          direction: 'outgoing',
          from: n.caller_id ?? n.internal,
          to: n.destination,
          employee: { extension: n.internal },
        },
      ];
    case 'NOTIFY_OUT_END':
      return [
        {
          type: 'call.ended',
          eventId: id('end'),
          callId,
          at: later,
          disposition: dispositionOf(n.disposition),
          durationSec: n.duration,
          direction: 'outgoing',
          from: n.caller_id ?? n.internal,
          to: n.destination,
          employee: { extension: n.internal },
        },
      ];
  }
}
