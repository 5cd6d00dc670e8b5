import { Temporal } from 'temporal-polyfill';

// Instants ↔ wall-clock times in an IANA zone. Shared by the engine (due times, D4),
// the telephony sources (platform times without offset) and the emulators.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// Offsets change at most on the hour (DST); one Intl call per zone and hour is plenty.
const offsets = new Map<string, number>();

/** The zone's offset from UTC at an instant, in minutes. Throws on an unknown zone. */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const cacheKey = `${timeZone}|${Math.floor(epochMs / 3_600_000)}`;
  let offset = offsets.get(cacheKey);
  if (offset === undefined) {
    const hour = Math.floor(epochMs / 3_600_000) * 3_600_000;
    const parts: Record<string, number> = {};
    for (const part of formatter(timeZone).formatToParts(new Date(hour))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(
      parts['year'] ?? 0,
      (parts['month'] ?? 1) - 1,
      parts['day'] ?? 1,
      parts['hour'] ?? 0,
      parts['minute'] ?? 0,
      parts['second'] ?? 0,
    );
    offset = Math.round((asUtc - hour) / 60_000);
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(cacheKey, offset);
  }
  return offset;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 with the zone's offset: `2026-11-20T10:03:12+02:00` (seconds kept, milliseconds dropped). */
export function toZoned(epochMs: number, timeZone: string): string {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const offset = offsetMinutes(whole, timeZone);
  const local = new Date(whole + offset * 60_000);
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The instant in the zone, cut to the minute (D4: due times are kept to the minute). */
export function toZonedMinute(epochMs: number, timeZone: string): string {
  return toZoned(Math.floor(epochMs / 60_000) * 60_000, timeZone);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * A wall-clock time without offset (`2024-04-02 12:28:43`) read in an IANA
 * zone, as UTC ISO 8601. Null when the text is no such time or the zone is
 * unknown. A time the clocks skip or repeat resolves as Temporal's "compatible"
 * disambiguation: forward by the gap in spring, the earlier of the two in autumn
 * (the hand-made two-pass offset guess picked the later one in Europe's October
 * and moved America's March gap backwards).
 */
export function isoFromLocal(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [, year, month, day, hour, minute, second] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  try {
    const wall = Temporal.PlainDateTime.from(
      { year, month, day, hour, minute, second },
      { overflow: 'reject' },
    );
    const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'compatible' });
    return new Date(zoned.epochMilliseconds).toISOString();
  } catch {
    return null;
  }
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The instant as a naive local `YYYY-MM-DD HH:MM:SS` in the zone (CRMs that keep local times). */
export function localDateTime(epochMs: number, timeZone: string): string {
  return toZoned(epochMs, timeZone).slice(0, 19).replace('T', ' ');
}
