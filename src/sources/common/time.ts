// Platform times → ISO 8601 with an offset, the only form events carry (scenario-format §3).

/** A date-time as UTC ISO 8601, or null when it is not a real instant. */
export function isoFromDate(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export { isoFromLocal } from '../../domain/zoned-time.js';
