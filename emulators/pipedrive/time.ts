// Pipedrive keeps times in UTC (v1 `YYYY-MM-DD HH:MM:SS`, activities `due_date` + `due_time`);
// the neutral snapshot prints them with the offset of the timezone asked for.

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

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 with the zone's offset, seconds kept. */
export function zoned(epochMs: number, timeZone: string): string {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(whole))) parts[part.type] = part.value;
  const { year, month, day, hour, minute, second } = parts;
  const localMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offsetMin = Math.round((localMs - whole) / 60_000);
  const abs = Math.abs(offsetMin);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DD HH:MM:SS` (UTC) → epoch ms. */
export function fromV1(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`);
}

export function toV1(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** An activity's due date and time (UTC, HH:MM) → epoch ms; null without a date. */
export function dueMs(date: string | null, time: string | null): number | null {
  if (!date) return null;
  return Date.parse(`${date}T${time ? time.slice(0, 5) : '00:00'}:00Z`);
}

export function toDue(epochMs: number): { due_date: string; due_time: string } {
  const iso = new Date(epochMs).toISOString();
  return { due_date: iso.slice(0, 10), due_time: iso.slice(11, 16) };
}
