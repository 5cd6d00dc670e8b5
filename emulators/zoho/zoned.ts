// Instants written the way Zoho shows them: local time in a time zone with
// its offset (crm-apis.md §1.3: "DateTime ISO8601 with offset, user's time zone").

import { toZoned, toZonedMinute } from '../../src/domain/zoned-time.js';

export { isTimeZone } from '../../src/domain/zoned-time.js';

/** `2026-11-20T10:03:27+02:00`; `toMinute` cuts the seconds (a task's due time, scenario-format §4). */
export function zoned(epochMs: number, timeZone: string, toMinute = false): string {
  return toMinute ? toZonedMinute(epochMs, timeZone) : toZoned(epochMs, timeZone);
}

/** The calendar date an ISO time with offset names in its own offset: `2026-11-20T23:30:00+02:00` → `2026-11-20`. */
export function localDate(iso: string): string {
  return iso.slice(0, 10);
}
