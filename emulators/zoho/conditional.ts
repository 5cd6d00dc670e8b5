import type { NativeRecord } from './state.js';

// `If-Modified-Since` on a module's record list (crm-apis.md §1.3; Zoho's Get
// Records docs: "to get the list of recently modified records", value ISO 8601
// with offset such as `2019-07-25T15:26:49+05:30`; the official Node SDK sends
// UTC as `2020-01-01T00:00:00Z`).

/** ISO 8601 date-time with seconds and an offset (`Z` or `±hh:mm`), optional fraction. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The header's instant in epoch ms; null when absent or not such a date-time.
 * A malformed value is ignored, as HTTP has a recipient do with a bad
 * If-Modified-Since (RFC 9110 §13.1.3): what Zoho answers to one is UNVERIFIED.
 */
export function modifiedSince(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !ISO_WITH_OFFSET.test(value.trim())) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Modified at or after the instant. Zoho's docs say "modified after"; a
 * third-party connector (Airbyte's source-zoho-crm) found the filter inclusive
 * and steps its cursor a second on. Inclusive here, UNVERIFIED. A record
 * without a readable Modified_Time counts as modified.
 */
export function modifiedAtOrAfter(record: NativeRecord, sinceMs: number): boolean {
  const value = record['Modified_Time'];
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) || ms >= sinceMs;
}
