// The account keeps naive local times (`Y-m-d H:i:s`); the neutral snapshot
// shows them with the offset of the timezone asked for (scenario-format §4).

import { isTimeZone, localDateTime, offsetMinutes } from '../../src/domain/zoned-time.js';

const pad = (n: number): string => String(n).padStart(2, '0');

export const isValidTimeZone = isTimeZone;

/** An ISO instant as the account's local `Y-m-d H:i:s`. */
export function localOf(iso: string, timeZone: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : localDateTime(ms, timeZone);
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
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  let instant = naive - offsetMinutes(naive, timeZone) * 60_000;
  instant = naive - offsetMinutes(instant, timeZone) * 60_000;
  const offset = offsetMinutes(instant, timeZone);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${pad(s)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
