import { CRMS } from '../../crm/registry.js';
import type { CrmId } from '../../domain/crm-id.js';

// Issue 11 items 6 and 9: the alert webhook is held to the same host rule as
// the project's CRM requests (https on the CRM's own domains, or a host listed
// in CALLMATRIX_ALLOW_CRM_HOSTS, plain http allowed for those), checked when
// the document is saved and again before every send.

/** Why alerts may not be sent to `url` for a project of this CRM, or null. */
export function alertUrlRefusal(
  crm: CrmId,
  url: string,
  allowHosts: readonly string[],
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'expected an http or https URL';
  }
  if (parsed.username !== '' || parsed.password !== '')
    return 'an alert URL may not carry a user name or password';
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (allowHosts.some((extra) => extra.toLowerCase() === host))
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? null
      : 'expected an http or https URL';
  if (parsed.protocol !== 'https:')
    return `${host}: expected an https URL (plain http only for hosts in CALLMATRIX_ALLOW_CRM_HOSTS)`;
  const { domains } = CRMS[crm];
  const own = domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  return own
    ? null
    : `${host} is neither a ${crm} domain nor listed in CALLMATRIX_ALLOW_CRM_HOSTS (the alert webhook follows the CRM host rule)`;
}
