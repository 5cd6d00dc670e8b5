import type { Schemas } from '../api';

// The working-hours editor's state: a weekly schedule of open intervals and the days off, in the
// project's time zone, as the API stores it (PUT …/working-hours). The page edits this shape
// directly and leaves validation to the API (HH:MM, from before to, no overlap, one open hour),
// whose problems name `week.tue[0]`, `week.wed`, `daysOff[1]`…

export type WorkingHours = NonNullable<Schemas['WorkingHours']>;
export type Weekday = keyof WorkingHours['week'];
export type Interval = NonNullable<WorkingHours['week'][Weekday]>[number];
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** What "Set working hours" starts from: Monday to Friday, 09:00 to 18:00. */
export function officeHours(): WorkingHours {
  const day = (): Interval[] => [{ from: '09:00', to: '18:00' }];
  return { week: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day() }, daysOff: [] };
}

const minutes = (clock: string): number | null => {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};
const clock = (total: number): string =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

function withDay(hours: WorkingHours, day: Weekday, intervals: Interval[]): WorkingHours {
  const week = { ...hours.week };
  if (intervals.length > 0) week[day] = intervals;
  else delete week[day];
  return { ...hours, week };
}

/**
 * One more interval on `day`: 09:00–18:00 on a closed day, else the hour after its last interval
 * (up to 24:00, the day's end); null when the day is open to its end already.
 */
export function addInterval(hours: WorkingHours, day: Weekday): WorkingHours | null {
  const intervals = hours.week[day] ?? [];
  const last = intervals.at(-1);
  if (!last) return withDay(hours, day, [{ from: '09:00', to: '18:00' }]);
  const end = minutes(last.to) ?? (last.to === '24:00' ? 24 * 60 : null);
  if (end === null || end >= 24 * 60) return null;
  const to = end + 60 >= 24 * 60 ? '24:00' : clock(end + 60);
  return withDay(hours, day, [...intervals, { from: last.to, to }]);
}

export function editInterval(
  hours: WorkingHours,
  day: Weekday,
  index: number,
  change: Partial<Interval>,
): WorkingHours {
  const intervals = (hours.week[day] ?? []).map((interval, i) =>
    i === index ? { ...interval, ...change } : interval,
  );
  return withDay(hours, day, intervals);
}

/** The interval removed; a day with none left is closed (absent from the week). */
export function removeInterval(hours: WorkingHours, day: Weekday, index: number): WorkingHours {
  return withDay(
    hours,
    day,
    (hours.week[day] ?? []).filter((_, i) => i !== index),
  );
}

/** `date` (YYYY-MM-DD) among the days off, once, in calendar order. */
export function addDayOff(hours: WorkingHours, date: string): WorkingHours {
  if (!date || hours.daysOff.includes(date)) return hours;
  return { ...hours, daysOff: [...hours.daysOff, date].sort() };
}

export function removeDayOff(hours: WorkingHours, date: string): WorkingHours {
  return { ...hours, daysOff: hours.daysOff.filter((day) => day !== date) };
}

/**
 * Where the API's problem at `path` is shown: at an interval (`week.tue[0]`, its `.from` or
 * `.to`), at a day (`week.wed`: an overlap), at a day off (`daysOff[1]`), or over the week.
 */
export function problemPlace(
  path: string,
):
  | { at: 'interval'; day: Weekday; index: number }
  | { at: 'day'; day: Weekday }
  | { at: 'dayOff'; index: number }
  | { at: 'week' } {
  const interval = /^week\.(mon|tue|wed|thu|fri|sat|sun)\[(\d+)\]/.exec(path);
  if (interval) return { at: 'interval', day: interval[1] as Weekday, index: Number(interval[2]) };
  const day = /^week\.(mon|tue|wed|thu|fri|sat|sun)$/.exec(path);
  if (day) return { at: 'day', day: day[1] as Weekday };
  const dayOff = /^daysOff\[(\d+)\]/.exec(path);
  if (dayOff) return { at: 'dayOff', index: Number(dayOff[1]) };
  return { at: 'week' };
}
