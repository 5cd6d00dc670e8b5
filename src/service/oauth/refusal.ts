// The CRM's refusal on its consent page, in words (RFC 6749 §4.1.2.1): the error code it sent
// back is kept in brackets, its description after it, so the admin app shows what happened and
// what the CRM said.

const WORDS: Readonly<Record<string, string>> = {
  access_denied: 'the consent was denied',
  invalid_request: 'the authorization request was malformed',
  unauthorized_client: 'this service may not ask for a code',
  unsupported_response_type: 'it does not offer the authorization code flow',
  invalid_scope: 'the requested scope is unknown or not allowed',
  server_error: 'its authorization server failed',
  temporarily_unavailable: 'its authorization server is unavailable for now, try again later',
};

/** "Salesforce refused access: the consent was denied (access_denied): end-user denied authorization". */
export function consentRefusal(crmName: string, error: string, description?: string): string {
  const words = WORDS[error];
  const said = description ? `: ${description}` : '';
  return words
    ? `${crmName} refused access: ${words} (${error})${said}`
    : `${crmName} refused access (${error})${said}`;
}
