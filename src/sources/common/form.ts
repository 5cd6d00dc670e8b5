/**
 * A form-encoded body (`application/x-www-form-urlencoded`) as ordered
 * name/value pairs, exactly as sent: signature schemes need every pair,
 * repeated names included, while mappings read the first value of a name.
 */
export function formPairs(raw: Uint8Array): Array<[string, string]> {
  return [...new URLSearchParams(Buffer.from(raw).toString('utf8')).entries()];
}

/** The form as a record of first values, for zod. */
export function formRecord(raw: Uint8Array): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of formPairs(raw)) {
    if (!(name in record)) record[name] = value;
  }
  return record;
}
