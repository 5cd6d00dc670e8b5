import { describe, expect, it } from 'vitest';
import { zonedToInstant } from './zoned';

describe("the journal's time filter, in the project's time zone", () => {
  it('reads a wall-clock time in the zone given, whatever the machine is set to', () => {
    expect(zonedToInstant('2026-05-04T09:00', 'Europe/Kyiv')).toBe('2026-05-04T06:00:00.000Z');
    expect(zonedToInstant('2026-01-15T09:00', 'Europe/Kyiv')).toBe('2026-01-15T07:00:00.000Z');
    expect(zonedToInstant('2026-05-04T09:00', 'America/New_York')).toBe('2026-05-04T13:00:00.000Z');
    expect(zonedToInstant('2026-05-04T09:00:30', 'UTC')).toBe('2026-05-04T09:00:30.000Z');
  });

  it('across a clock change: the hour skipped in spring maps after the change', () => {
    // Kyiv moves 03:00 → 04:00 on 29 March 2026.
    expect(zonedToInstant('2026-03-29T02:30', 'Europe/Kyiv')).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedToInstant('2026-03-29T05:00', 'Europe/Kyiv')).toBe('2026-03-29T02:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(zonedToInstant('', 'UTC')).toBeNull();
    expect(zonedToInstant('yesterday', 'UTC')).toBeNull();
  });
});
