// Where a project's CRM requests may go (service.md §1 CALLMATRIX_ALLOW_CRM_HOSTS,
// docs/security.md): https on the CRM's own domains, or a host the operator
// listed (emulators), plain http allowed for those. One rule for a connection
// being saved and for every request when it is made, hosts learned from the
// CRM at run time (Salesforce instance_url, Pipedrive api_domain) included.

/** A request's target, judged just before credentials are added to it. */
export interface HostRule {
  /** Null when the URL may be called; otherwise why not, for the integration's reason. */
  refusal(url: URL): string | null;
}

export interface HostRuleInput {
  /** The CRM's name, for messages ("not a pipedrive domain"). */
  readonly crm: string;
  /** Its own domains: a host is one of them or ends in `.` + one of them. */
  readonly domains: readonly string[];
  /** CALLMATRIX_ALLOW_CRM_HOSTS, as the process was started with. */
  readonly allowHosts: readonly string[];
}

/** `[::1]` and `::1` alike, lower case. */
export const hostnameOf = (url: URL): string => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

/** Why `url` may not be called under these rules, or null. */
export function urlRefusal(url: URL, rule: HostRuleInput): string | null {
  if (url.username !== '' || url.password !== '')
    return 'a URL may not carry a user name or password: credentials go in "credentials"';
  const host = hostnameOf(url);
  if (rule.allowHosts.some((extra) => extra.toLowerCase() === host))
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? null
      : 'expected an http or https URL';
  if (url.protocol !== 'https:')
    return `${host}: expected an https URL (plain http only for hosts in CALLMATRIX_ALLOW_CRM_HOSTS)`;
  const own = rule.domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  return own
    ? null
    : `${host} is not a ${rule.crm} domain (${rule.domains.slice(0, 3).join(', ')}, …) nor listed in CALLMATRIX_ALLOW_CRM_HOSTS`;
}

export function hostRule(input: HostRuleInput): HostRule {
  return { refusal: (url) => urlRefusal(url, input) };
}
