// The integration's text markers as this CRM stores them (src/crm/pipedrive/README.md):
// an activity's `public_description` and a call log's `subject` carry
// `callmatrix:` + URL-encoded parameters (key, call, direction, disposition),
// because Pipedrive has no field for a call id, a direction or an external id.
// The emulator reads them only to print the neutral snapshot.

const MARK = 'callmatrix:';

export function readMarker(text: string | null | undefined): URLSearchParams {
  if (!text) return new URLSearchParams();
  const at = text.indexOf(MARK);
  if (at < 0) return new URLSearchParams();
  const rest = text.slice(at + MARK.length);
  const end = rest.search(/[\]\s]/);
  return new URLSearchParams(end < 0 ? rest : rest.slice(0, end));
}

export function writeMarker(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return `${MARK}${params.toString()}`;
}

/** The subject a call log gets: readable, with the marker in brackets. */
export function callSubject(direction: string, callId: string, marker: string): string {
  return `${direction === 'outgoing' ? 'Outgoing' : 'Incoming'} call ${callId} [${marker}]`;
}

/**
 * The custom text field in which the integration keeps the operation key a person,
 * organization, deal or lead was created by (its D13 marker, searched after an
 * uncertain create): not the record's data, so the neutral snapshot leaves it out.
 */
export const RECORD_KEY_FIELD = 'Callmatrix key';
