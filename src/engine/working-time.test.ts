import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  WEEKDAYS,
  WorkingHoursSchema,
  clockMinutes,
  type WorkingHours,
} from '../domain/working-hours.js';
import { addWorkingHours } from './working-time.js';

const OFFICE: WorkingHours = WorkingHoursSchema.parse({
  week: {
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
  },
  daysOff: ['2026-12-25'],
});

const due = (at: string, hours: number, tz = 'Europe/Kyiv', wh = OFFICE): string =>
  Temporal.Instant.fromEpochMilliseconds(addWorkingHours(Date.parse(at), hours, wh, tz))
    .toZonedDateTimeISO(tz)
    .toString({ timeZoneName: 'never' });

describe('due times in working hours (D4, issue 14)', () => {
  it('+4 h at 22:50 on Friday is due 4 working hours after Monday opens', () => {
    // 2026-12-04 is a Friday; Kyiv is UTC+2 in December.
    expect(due('2026-12-04T20:50:00Z', 4)).toBe('2026-12-07T13:00:00+02:00');
  });

  it('counts inside the day, across the night, and skips days off', () => {
    expect(due('2026-12-07T08:00:00Z', 4)).toBe('2026-12-07T14:00:00+02:00');
    expect(due('2026-12-07T14:00:00Z', 4)).toBe('2026-12-08T11:00:00+02:00');
    // Thursday 24 December 17:00 + 3 h: one hour on Thursday, Friday 25th is off, Monday 28th.
    expect(due('2026-12-24T15:00:00Z', 3)).toBe('2026-12-28T11:00:00+02:00');
  });

  it('keeps split days and a day that runs to midnight', () => {
    const split = WorkingHoursSchema.parse({
      week: {
        sat: [
          { from: '10:00', to: '12:00' },
          { from: '20:00', to: '24:00' },
        ],
      },
    });
    // Saturday 11:00 local: one hour left before noon, then from 20:00.
    expect(due('2026-12-05T09:00:00Z', 3, 'Europe/Kyiv', split)).toBe('2026-12-05T22:00:00+02:00');
    expect(due('2026-12-05T09:00:00Z', 5, 'Europe/Kyiv', split)).toBe('2026-12-06T00:00:00+02:00');
    expect(due('2026-12-05T09:00:00Z', 6, 'Europe/Kyiv', split)).toBe('2026-12-12T11:00:00+02:00');
  });

  it('counts the hours the clock really runs on daylight-saving days', () => {
    const allDay = WorkingHoursSchema.parse({
      week: Object.fromEntries(WEEKDAYS.map((d) => [d, [{ from: '00:00', to: '24:00' }]])),
    });
    // Kyiv 29 March 2026: 03:00 → 04:00. From 02:00, 2 hours of clock time end at 05:00 local.
    expect(due('2026-03-29T00:00:00Z', 2, 'Europe/Kyiv', allDay)).toBe('2026-03-29T05:00:00+03:00');
    // 25 October 2026: 04:00 → 03:00; from 02:00 local, 3 real hours end at 04:00 local (+02:00).
    expect(due('2026-10-24T23:00:00Z', 3, 'Europe/Kyiv', allDay)).toBe('2026-10-25T04:00:00+02:00');
    // An opening in the spring gap (03:30 does not exist) opens at 04:30, "compatible".
    const gap = WorkingHoursSchema.parse({ week: { sun: [{ from: '03:30', to: '06:00' }] } });
    expect(due('2026-03-28T22:00:00Z', 1, 'Europe/Kyiv', gap)).toBe('2026-03-29T05:30:00+03:00');
  });
});

// ───── properties ─────

const ZONES = ['Europe/Kyiv', 'Europe/Warsaw', 'America/New_York', 'Asia/Kolkata', 'UTC'];

const scheduleArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    days: fc.array(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 })), {
        maxLength: 3,
      }),
      { minLength: 7, maxLength: 7 },
    ),
    daysOff: fc.array(
      fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
      { maxLength: 20 },
    ),
  })
  .map(({ days, daysOff }) => {
    const hhmm = (m: number): string =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const week: Record<string, { from: string; to: string }[]> = {};
    days.forEach((pairs, i) => {
      // Non-overlapping intervals: sort all edges and pair them up.
      const edges = [...new Set(pairs.flat())].sort((a, b) => a - b);
      const intervals = [];
      for (let k = 0; k + 1 < edges.length; k += 2)
        intervals.push({ from: hhmm(edges[k] ?? 0), to: hhmm(edges[k + 1] ?? 0) });
      week[WEEKDAYS[i] ?? 'mon'] = intervals;
    });
    if (Object.values(week).every((d) => d.length === 0))
      week['wed'] = [{ from: '09:00', to: '17:00' }];
    return { week, daysOff: daysOff.map((d) => d.toISOString().slice(0, 10)) };
  });

/** Whether the instant lies in an open interval (ends included) of its local day. */
function isOpen(ms: number, wh: WorkingHours, tz: string): boolean {
  const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz);
  const candidates = [zoned.toPlainDate(), zoned.toPlainDate().subtract({ days: 1 })];
  return candidates.some((date) => {
    if (wh.daysOff.includes(date.toString())) return false;
    return (wh.week[WEEKDAYS[date.dayOfWeek - 1] ?? 'mon'] ?? []).some((i) => {
      const at = (minutes: number): number =>
        (minutes >= 1440 ? date.add({ days: 1 }) : date)
          .toPlainDateTime({ hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 })
          .toZonedDateTime(tz, { disambiguation: 'compatible' }).epochMilliseconds;
      return at(clockMinutes(i.from)) <= ms && ms <= at(clockMinutes(i.to));
    });
  });
}

const startArb = fc.integer({
  min: Date.parse('2026-01-01T00:00:00Z'),
  max: Date.parse('2027-06-30T00:00:00Z'),
});
const hoursArb = fc.double({ min: 0.01, max: 200, noNaN: true });

describe('due times in working hours: properties', () => {
  it('are never before the event and always inside working hours', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        startArb,
        hoursArb,
        fc.constantFrom(...ZONES),
        (wh, start, hours, tz) => {
          const dueMs = addWorkingHours(start, hours, wh, tz);
          expect(dueMs).toBeGreaterThanOrEqual(start + 0);
          expect(isOpen(dueMs, wh, tz)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('are monotonic in the hours asked, and at least that many hours away', () => {
    fc.assert(
      fc.property(
        scheduleArb,
        startArb,
        hoursArb,
        hoursArb,
        fc.constantFrom(...ZONES),
        (wh, start, a, b, tz) => {
          const [fewer, more] = a <= b ? [a, b] : [b, a];
          const early = addWorkingHours(start, fewer, wh, tz);
          expect(addWorkingHours(start, more, wh, tz)).toBeGreaterThanOrEqual(early);
          expect(early - start).toBeGreaterThanOrEqual(Math.floor(fewer * 3_600_000));
        },
      ),
      { numRuns: 300 },
    );
  });
});
