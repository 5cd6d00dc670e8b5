import { parseEvent, type Event } from '../../src/domain/events.js';
import type { NewEvent } from '../../src/store/store.js';

export function event(raw: Record<string, unknown>): Event {
  const parsed = parseEvent(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

export function callStarted(
  eventId: string,
  callId: string,
  at: string,
  from = '+380501112233',
): Record<string, unknown> {
  return {
    eventId,
    type: 'call.started',
    at,
    callId,
    direction: 'incoming',
    from,
    to: '+380441110001',
  };
}

export function callMissed(eventId: string, callId: string, at: string): Record<string, unknown> {
  return { eventId, type: 'call.ended', at, callId, disposition: 'missed', durationSec: 20 };
}

export function inbox(raw: Record<string, unknown>): NewEvent {
  return { event: event(raw), orderingKey: `call:${String(raw['callId'])}` };
}
