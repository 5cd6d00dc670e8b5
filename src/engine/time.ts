// Times written into the CRM carry the project's timezone offset, to the minute (D4).

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

/** `2026-11-20T10:03:00+02:00`: the instant in the zone, cut to the minute. */
export function toZonedMinute(epochMs: number, timeZone: string): string {
  const minute = Math.floor(epochMs / 60_000) * 60_000;
  const cacheKey = `${timeZone}|${Math.floor(minute / 3_600_000)}`;
  let offsetMin = offsets.get(cacheKey);
  if (offsetMin === undefined) {
    offsetMin = offsetAt(minute, timeZone);
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(cacheKey, offsetMin);
  }
  const local = new Date(minute + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function offsetAt(minute: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(minute))) parts[part.type] = part.value;
  const { year, month, day, hour, minute: min } = parts;
  const localMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(min));
  return Math.round((localMs - minute) / 60_000);
}

export function addHours(iso: string, hours: number): number {
  return Date.parse(iso) + hours * 3_600_000;
}

const pad = (n: number): string => String(n).padStart(2, '0');
