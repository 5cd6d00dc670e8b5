// Pipedrive keeps times in UTC (v1 `YYYY-MM-DD HH:MM:SS`, activities `due_date` + `due_time`);
// the neutral snapshot prints them with the offset of the timezone asked for.

export { toZoned as zoned, isTimeZone } from '../../src/domain/zoned-time.js';

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
