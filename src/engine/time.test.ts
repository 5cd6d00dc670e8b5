import { describe, expect, it } from 'vitest';
import { toZonedMinute } from './time.js';

describe('times in the project timezone (D4)', () => {
  it('cuts to the minute and carries the zone offset, across a DST change', () => {
    expect(toZonedMinute(Date.parse('2026-11-20T08:03:59Z'), 'Europe/Kyiv')).toBe(
      '2026-11-20T10:03:00+02:00',
    );
    expect(toZonedMinute(Date.parse('2026-07-01T08:03:00Z'), 'Europe/Kyiv')).toBe(
      '2026-07-01T11:03:00+03:00',
    );
    expect(toZonedMinute(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Kyiv')).toBe(
      '2026-03-29T02:59:00+02:00',
    );
    expect(toZonedMinute(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Kyiv')).toBe(
      '2026-03-29T04:00:00+03:00',
    );
    expect(toZonedMinute(Date.parse('2026-11-20T23:30:00Z'), 'America/St_Johns')).toBe(
      '2026-11-20T20:00:00-03:30',
    );
    expect(toZonedMinute(Date.parse('2026-11-20T23:30:00Z'), 'UTC')).toBe(
      '2026-11-20T23:30:00+00:00',
    );
  });
});
