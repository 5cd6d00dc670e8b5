import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, clockMinutes, type WorkingHours } from '../domain/working-hours.js';

// D4 with working hours (issue 14): an open task's due time counts only the project's open
// hours. Local times become instants as Temporal's "compatible" disambiguation does: a time in
// the spring-forward gap moves forward by the gap, a time repeated in the autumn is its first
// (earlier) occurrence — so an interval on a change day is as long as the clock really runs.

const HOUR_MS = 3_600_000;
/** Days looked ahead at most; a schedule too thin to hold the hours in it ends at its last open minute. */
const HORIZON_DAYS = 3_700;

function instantAt(date: Temporal.PlainDate, minutes: number, timeZone: string): number {
  const day = minutes >= 1440 ? date.add({ days: 1 }) : date;
  const time = minutes >= 1440 ? 0 : minutes;
  return day
    .toPlainDateTime({ hour: Math.floor(time / 60), minute: time % 60 })
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The instant `hours` of working time after `startMs`; at `startMs` itself when it is 0. */
export function addWorkingHours(
  startMs: number,
  hours: number,
  workingHours: WorkingHours,
  timeZone: string,
): number {
  let remaining = Math.round(hours * HOUR_MS);
  let cursor = startMs;
  const daysOff = new Set(workingHours.daysOff);
  let date = Temporal.Instant.fromEpochMilliseconds(startMs)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  let lastOpen = startMs;
  for (let n = 0; n < HORIZON_DAYS; n++, date = date.add({ days: 1 })) {
    if (daysOff.has(date.toString())) continue;
    const intervals = [...(workingHours.week[WEEKDAYS[date.dayOfWeek - 1] ?? 'mon'] ?? [])].sort(
      (a, b) => clockMinutes(a.from) - clockMinutes(b.from),
    );
    for (const interval of intervals) {
      const opens = Math.max(instantAt(date, clockMinutes(interval.from), timeZone), cursor);
      const closes = instantAt(date, clockMinutes(interval.to), timeZone);
      if (closes <= opens) continue;
      if (remaining <= closes - opens) return opens + remaining;
      remaining -= closes - opens;
      cursor = closes;
      lastOpen = closes;
    }
  }
  return lastOpen;
}
