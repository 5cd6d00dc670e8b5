import { describe, expect, it } from 'vitest';
import { zonedToInstant } from './zoned';

describe("the journal's time filter, in the project's time zone", () => {
  it('reads a wall-clock time in the zone given, whatever the machine is set to', () => {
    expect(zonedToInstant('2026-05-04T09:00', 'Europe/Kyiv')).toBe('2026-05-04T06:00:00.000Z');
    expect(zonedToInstant('2026-01-15T09:00', 'Europe/Kyiv')).toBe('2026-01-15T07:00:00.000Z');
    expect(zonedToInstant('2026-05-04T09:00', 'America/New_York')).toBe('2026-05-04T13:00:00.000Z');
    expect(zonedToInstant('2026-05-04T09:00:30', 'UTC')).toBe('2026-05-04T09:00:30.000Z');
  });

  it('March: the hour the clocks skip is moved forward by the gap', () => {
    // Kyiv moves 03:00 → 04:00 on 29 March 2026 (01:00Z); Warsaw 02:00 → 03:00 the same instant.
    expect(zonedToInstant('2026-03-29T02:59', 'Europe/Kyiv')).toBe('2026-03-29T00:59:00.000Z');
    expect(zonedToInstant('2026-03-29T03:30', 'Europe/Kyiv')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-03-29T04:00', 'Europe/Kyiv')).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedToInstant('2026-03-29T01:59', 'Europe/Warsaw')).toBe('2026-03-29T00:59:00.000Z');
    expect(zonedToInstant('2026-03-29T02:30', 'Europe/Warsaw')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-03-29T03:00', 'Europe/Warsaw')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('October: the hour the clocks repeat is its first occurrence', () => {
    // Kyiv moves 04:00 → 03:00 on 25 October 2026 (01:00Z); Warsaw 03:00 → 02:00 the same instant.
    expect(zonedToInstant('2026-10-25T03:30', 'Europe/Kyiv')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-10-25T04:00', 'Europe/Kyiv')).toBe('2026-10-25T02:00:00.000Z');
    expect(zonedToInstant('2026-10-25T02:59', 'Europe/Kyiv')).toBe('2026-10-24T23:59:00.000Z');
    expect(zonedToInstant('2026-10-25T02:30', 'Europe/Warsaw')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-10-25T03:00', 'Europe/Warsaw')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(zonedToInstant('', 'UTC')).toBeNull();
    expect(zonedToInstant('yesterday', 'UTC')).toBeNull();
    expect(zonedToInstant('2026-02-30T09:00', 'UTC')).toBeNull();
    expect(zonedToInstant('2026-05-04T09:00', 'Mars/Olympus')).toBeNull();
  });
});
