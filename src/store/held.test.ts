import { describe, expect, it } from 'vitest';
import { calendarDay, insideWindow, windowStartDay } from './held.js';

describe('G10 resend window (calendar days in the project time zone)', () => {
  const now = new Date('2026-03-10T10:00:00Z');

  it('G10: the default 3-day window is today and the two days before, in the zone', () => {
    expect(windowStartDay(now, 'Europe/Kyiv', 3)).toBe('2026-03-08');
    expect(windowStartDay(now, 'UTC', 1)).toBe('2026-03-10');
    // 12:00 UTC is already 01:00 on the 11th in Auckland (UTC+13 in March).
    expect(windowStartDay(new Date('2026-03-10T12:00:00Z'), 'Pacific/Auckland', 3)).toBe(
      '2026-03-09',
    );
  });

  it('G10: a call belongs to the day of its first event in the zone, not in UTC', () => {
    const window = { now, timezone: 'Europe/Kyiv', windowDays: 3 };
    expect(calendarDay(new Date('2026-03-07T22:30:00Z'), 'Europe/Kyiv')).toBe('2026-03-08');
    expect(insideWindow(new Date('2026-03-07T22:30:00Z'), window)).toBe(true);
    expect(insideWindow(new Date('2026-03-07T21:59:59Z'), window)).toBe(false);
    expect(insideWindow(new Date('2026-03-07T22:30:00Z'), { ...window, timezone: 'UTC' })).toBe(
      false,
    );
  });

  it('G10: day arithmetic holds across a DST change and month ends', () => {
    // Kyiv moves to summer time on 2026-03-29.
    expect(windowStartDay(new Date('2026-03-30T00:30:00Z'), 'Europe/Kyiv', 3)).toBe('2026-03-28');
    expect(windowStartDay(new Date('2026-03-01T12:00:00Z'), 'UTC', 3)).toBe('2026-02-27');
    expect(windowStartDay(new Date('2026-01-01T12:00:00Z'), 'UTC', 2)).toBe('2025-12-31');
  });
});
