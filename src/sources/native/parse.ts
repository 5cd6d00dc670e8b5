import { parseEvent, type Event } from '../../domain/events.js';
import type { Problem } from '../../domain/problems.js';

// The native webhook's body (service.md §4): one event or an array of at most
// 1 000, exactly as scenario-format §3, `eventId` required. The two failures
// are kept apart because they answer differently: 400 not-json, 422 invalid-events.

export const MAX_EVENTS_PER_REQUEST = 1000;

export type NativeBody =
  | { readonly ok: true; readonly events: Event[] }
  | { readonly ok: false; readonly kind: 'not-json' }
  | { readonly ok: false; readonly kind: 'invalid-events'; readonly problems: Problem[] };

export function parseNativeBody(raw: Uint8Array): NativeBody {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    return { ok: false, kind: 'not-json' };
  }
  if (!Array.isArray(json)) {
    const one = parseEvent(json);
    return one.ok
      ? { ok: true, events: [one.value] }
      : { ok: false, kind: 'invalid-events', problems: one.problems };
  }
  if (json.length > MAX_EVENTS_PER_REQUEST) {
    return {
      ok: false,
      kind: 'invalid-events',
      problems: [
        {
          path: '',
          message: `at most ${MAX_EVENTS_PER_REQUEST} events per request, got ${json.length}`,
        },
      ],
    };
  }
  // All or nothing: one bad event refuses the whole request, every problem reported.
  const events: Event[] = [];
  const problems: Problem[] = [];
  json.forEach((item, index) => {
    const parsed = parseEvent(item, [index]);
    if (parsed.ok) events.push(parsed.value);
    else problems.push(...parsed.problems);
  });
  return problems.length > 0
    ? { ok: false, kind: 'invalid-events', problems }
    : { ok: true, events };
}
