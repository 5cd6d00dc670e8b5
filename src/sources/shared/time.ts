// Platform times → ISO 8601 with an offset, the only form events carry (scenario-format §3).

/** A date-time as UTC ISO 8601, or null when it is not a real instant. */
export function isoFromDate(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
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

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts['year'] ?? 0, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return asUtc - instantMs;
}

/**
 * A wall-clock time without offset (`2024-04-02 12:28:43`, as Zadarma sends
 * it) read in an IANA zone, as UTC ISO 8601. Null when the text is no such
 * time or the zone is unknown. Two passes settle the offset across a DST change.
 */
export function isoFromLocal(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null;
  try {
    let instant = wall - offsetMs(wall, timeZone);
    instant = wall - offsetMs(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return null;
  }
}
