import { describe, expect, it } from 'vitest';
import { isoFromLocal } from './zoned-time.js';

// Local times the clocks skip or repeat resolve as Temporal's "compatible" disambiguation.
describe('isoFromLocal around daylight-saving changes', () => {
  it('takes the earlier of a repeated autumn hour (Europe, October)', () => {
    expect(isoFromLocal('2026-10-25 03:30:00', 'Europe/Kyiv')).toBe('2026-10-25T00:30:00.000Z');
    expect(isoFromLocal('2026-10-25 02:30:00', 'Europe/Warsaw')).toBe('2026-10-25T00:30:00.000Z');
    expect(isoFromLocal('2026-11-01 01:30:00', 'America/New_York')).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('moves a skipped spring time forward by the gap (March)', () => {
    expect(isoFromLocal('2026-03-29 03:30:00', 'Europe/Kyiv')).toBe('2026-03-29T01:30:00.000Z');
    expect(isoFromLocal('2026-03-08 02:30:00', 'America/New_York')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('reads ordinary times and refuses impossible ones', () => {
    expect(isoFromLocal('2024-04-02 12:28:43', 'Europe/Kyiv')).toBe('2024-04-02T09:28:43.000Z');
    expect(isoFromLocal('2026-02-30 10:00:00', 'Europe/Kyiv')).toBeNull();
    expect(isoFromLocal('2026-02-10 10:00:00', 'Mars/Olympus')).toBeNull();
    expect(isoFromLocal('yesterday', 'UTC')).toBeNull();
  });
});
