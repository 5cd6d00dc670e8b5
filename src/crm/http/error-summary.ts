// What of a CRM's error answer may reach the journal, the admin API and the
// logs (docs/security.md): the CRM's own error code and message, read from the
// members its error envelope names, clipped. Never the body itself: it may
// echo request data, tokens or whatever a misbehaving host chose to send.

const MAX_CHARS = 200;

/** Members that carry an error's code, then its message, in the four CRMs' envelopes (crm-apis.md). */
const CODE_MEMBERS = ['errorCode', 'code', 'error'] as const;
const MESSAGE_MEMBERS = ['message', 'error_description', 'errorMsg', 'error'] as const;

const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

export function clip(text: string, max = MAX_CHARS): string {
  // Control characters would let a CRM write fake lines into a log.
  const flat = Array.from(text, (char) => (isControl(char) ? ' ' : char))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function firstString(
  body: Record<string, unknown>,
  members: readonly string[],
  skip?: string,
): string | undefined {
  for (const member of members) {
    const value = body[member];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
      const text = String(value);
      if (text !== skip) return text;
    }
  }
  return undefined;
}

/**
 * `CODE: message` from a parsed error body: `{code, message}` (Zoho),
 * `[{errorCode, message}]` (Salesforce), `{error, errorCode}` (Pipedrive),
 * `{errorMsg}` (retailCRM), `{error, error_description}` (OAuth servers).
 * Undefined when the body names neither.
 */
export function errorSummary(json: unknown): string | undefined {
  const body = Array.isArray(json) ? (json[0] as unknown) : json;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const code = firstString(record, CODE_MEMBERS);
  const message = firstString(record, MESSAGE_MEMBERS, code);
  const text = [code, message].filter((part) => part !== undefined).join(': ');
  return text === '' ? undefined : clip(text);
}
