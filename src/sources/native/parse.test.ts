import { describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_REQUEST, parseNativeBody } from './parse.js';

const started = {
  type: 'call.started',
  eventId: 'k1-1',
  callId: 'k1',
  at: '2026-11-20T10:00:00+02:00',
  direction: 'incoming',
  from: '+380671234567',
  to: '+380441234567',
};
const body = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('native ingest body (service.md §4)', () => {
  it('accepts one event or an array of events', () => {
    expect(parseNativeBody(body(started))).toEqual({ ok: true, events: [started] });
    expect(parseNativeBody(body([started, { ...started, eventId: 'k1-2' }]))).toMatchObject({
      ok: true,
      events: [{ eventId: 'k1-1' }, { eventId: 'k1-2' }],
    });
  });

  it('tells a body that is not JSON (400) from JSON that is not events (422)', () => {
    expect(parseNativeBody(Buffer.from('{"type":'))).toEqual({ ok: false, kind: 'not-json' });
    expect(parseNativeBody(body({ type: 'call.paused' }))).toMatchObject({
      ok: false,
      kind: 'invalid-events',
    });
  });

  it('names each problem by its position, as in the spec example', () => {
    const events = [
      started,
      started,
      started,
      { ...started, from: '' },
      started,
      { ...started, type: 'call.paused' },
    ];
    const parsed = parseNativeBody(body(events));
    expect(parsed).toEqual({
      ok: false,
      kind: 'invalid-events',
      problems: [
        { path: '[3].from', message: 'expected a non-empty string' },
        { path: '[5].type', message: 'unknown event type "call.paused"' },
      ],
    });
  });

  it('requires eventId here, unlike scenarios', () => {
    const { eventId: _drop, ...noId } = started;
    expect(_drop).toBe('k1-1');
    expect(parseNativeBody(body(noId))).toMatchObject({
      ok: false,
      problems: [{ path: 'eventId' }],
    });
  });

  it('refuses more than 1 000 events as invalid', () => {
    const many = Array.from({ length: MAX_EVENTS_PER_REQUEST + 1 }, (_, i) => ({
      ...started,
      eventId: `e${i}`,
    }));
    expect(parseNativeBody(body(many))).toMatchObject({ ok: false, kind: 'invalid-events' });
    expect(parseNativeBody(body(many.slice(1))).ok).toBe(true);
  });
});
