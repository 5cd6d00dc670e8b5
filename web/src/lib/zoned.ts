import { Temporal } from 'temporal-polyfill';

// The journal's time filter is typed in the project's time zone, not the browser's: a
// `datetime-local` value read as a wall-clock time in `timeZone`, turned into an instant.
// Temporal does the zone maths, with the service's own rule for the clocks' changes
// ("compatible", as the service reads platform times without offset).

/**
 * `2026-05-04T09:00` on the clocks of `timeZone` as an ISO instant; null for a value that is not
 * a date and time. A time the clocks skip (spring) is moved forward by the gap; a time they
 * repeat (autumn) is its first occurrence.
 */
export function zonedToInstant(local: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(local)) return null;
  try {
    const wall = Temporal.PlainDateTime.from(local, { overflow: 'reject' });
    const instant = wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
    return new Date(instant.epochMilliseconds).toISOString();
  } catch {
    return null;
  }
}
