/**
 * retailCRM tasks have no field for the call they belong to nor an external
 * id, so the integration writes a last line `[callmatrix key=… call=…]` (values
 * URI-encoded) into the task's commentary (README: D12, D13). The neutral view
 * reads the call id from it and leaves the line out of the description.
 */
const MARKER = /^\[callmatrix((?: [a-z]+=[^\s\]]*)*)\]$/;

export function splitMarker(commentary: string | undefined): {
  text: string | undefined;
  values: Record<string, string>;
} {
  if (commentary === undefined) return { text: undefined, values: {} };
  const lines = commentary.split('\n');
  const last = lines.at(-1) ?? '';
  const match = MARKER.exec(last);
  if (!match) return { text: commentary, values: {} };
  const values: Record<string, string> = {};
  for (const pair of (match[1] ?? '').trim().split(' ').filter(Boolean)) {
    const at = pair.indexOf('=');
    values[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
  }
  const rest = lines.slice(0, -1);
  return { text: rest.length > 0 ? rest.join('\n') : undefined, values };
}

export function withMarker(
  text: string | undefined,
  values: Record<string, string | null | undefined>,
): string {
  const pairs = Object.entries(values)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  const line = `[callmatrix${pairs.map((pair) => ` ${pair}`).join('')}]`;
  return text === undefined ? line : `${text}\n${line}`;
}
