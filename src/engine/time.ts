export { toZonedMinute } from '../domain/zoned-time.js';

export function addHours(iso: string, hours: number): number {
  return Date.parse(iso) + hours * 3_600_000;
}
