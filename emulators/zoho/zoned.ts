// Instants written the way Zoho shows them: local time in a time zone with
// its offset (crm-apis.md §1.3: "DateTime ISO8601 with offset, user's time zone").

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, found);
  }
  return found;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-20T10:03:27+02:00`; `toMinute` cuts the seconds (a task's due time, scenario-format §4). */
export function zoned(epochMs: number, timeZone: string, toMinute = false): string {
  const at = toMinute ? Math.floor(epochMs / 60_000) * 60_000 : Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
  const local = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  const offsetMin = Math.round((local - at) / 60_000);
  const abs = Math.abs(offsetMin);
  const offset = `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${offset}`;
}

/** The calendar date an ISO time with offset names in its own offset: `2026-11-20T23:30:00+02:00` → `2026-11-20`. */
export function localDate(iso: string): string {
  return iso.slice(0, 10);
}
