import type { Event } from '../domain/events.js';
import { normalisePhone } from '../domain/phone.js';
import { memoryKey } from '../domain/memory.js';

// D7: events of one CLIENT are applied in order, different clients in
// parallel. The inbox serialises by an ordering key chosen here, at ingest.

/** The client-side number an event carries, if any (scenario-format §3). */
export function clientNumber(event: Event): string | null {
  switch (event.type) {
    case 'call.started':
      return event.direction === 'outgoing'
        ? event.to
        : event.direction === 'incoming'
          ? event.from
          : null;
    case 'call.ended':
      if (!event.direction || event.direction === 'internal') return null;
      return (event.direction === 'outgoing' ? event.to : event.from) ?? null;
    case 'form.submitted':
      return event.phone ?? null;
    case 'messenger.dialog_started':
    case 'messenger.dialog_taken':
    case 'messenger.contact_provided':
    case 'messenger.dialog_ended':
      return event.phone ?? null;
    default:
      return null;
  }
}

/** `client:+E164` when the event names a callable client number, else null. */
export function clientKey(event: Event, defaultCountry: string | undefined): string | null {
  const raw = clientNumber(event);
  if (raw === null) return null;
  const e164 = normalisePhone(raw, defaultCountry).e164;
  // An invalid number (hidden caller id) is nobody's identity (G1): it must not chain unrelated calls.
  return e164 ? `client:${e164}` : null;
}

/** Where an event without the client's number borrows its key from: its call or dialog, else itself. */
export function fallbackKey(event: Event): string {
  return memoryKey(event) ?? `event:${event.eventId}`;
}

/**
 * Chooses each event's ordering key, in request order: the client's number
 * when the event carries it; else the key an earlier event of the same call
 * or dialog got (in this request, recently in this process, or in the store);
 * else the call / dialog / event itself.
 */
export class OrderingKeys {
  // Keys handed out lately, by call / dialog: covers the moment between a
  // call.started's request and its commit, when the store cannot see it yet.
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly lookup: (projectId: string, ref: string) => Promise<string | null>,
    private readonly limit = 50_000,
  ) {}

  async assign(
    projectId: string,
    events: readonly Event[],
    defaultCountry: string | undefined,
  ): Promise<string[]> {
    const keys: string[] = [];
    for (const event of events) {
      const ref = memoryKey(event);
      let key = clientKey(event, defaultCountry);
      if (key === null && ref !== null)
        key = this.recent.get(`${projectId}|${ref}`) ?? (await this.lookup(projectId, ref));
      key ??= fallbackKey(event);
      if (ref !== null && key !== ref) this.remember(`${projectId}|${ref}`, key);
      keys.push(key);
    }
    return keys;
  }

  private remember(ref: string, key: string): void {
    if (this.recent.size >= this.limit) this.recent.clear();
    this.recent.set(ref, key);
  }
}
