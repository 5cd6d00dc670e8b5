// The account keeps naive local times (`Y-m-d H:i:s`); the neutral snapshot
// shows them with the offset of the timezone asked for (scenario-format §4).

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsAt(ms: number, timeZone: string): Record<string, number> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

function offsetMinutes(ms: number, timeZone: string): number {
  const p = partsAt(ms, timeZone);
  const local = Date.UTC(p['year'] ?? 0, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0);
  return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** An ISO instant as the account's local `Y-m-d H:i:s`. */
export function localOf(iso: string, timeZone: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const p = partsAt(ms, timeZone);
  return `${p['year']}-${pad(p['month'] ?? 0)}-${pad(p['day'] ?? 0)} ${pad(p['hour'] ?? 0)}:${pad(p['minute'] ?? 0)}:${pad(p['second'] ?? 0)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isLocalDateTime(text: string, withSeconds: boolean): boolean {
  const match = LOCAL.exec(text);
  return match !== null && (match[6] !== undefined) === withSeconds;
}

/** A local `Y-m-d H:i[:s]` read in the timezone, as ISO 8601 with that zone's offset. */
export function isoOf(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  let instant = naive - offsetMinutes(naive, timeZone) * 60_000;
  instant = naive - offsetMinutes(instant, timeZone) * 60_000;
  const offset = offsetMinutes(instant, timeZone);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${pad(s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
