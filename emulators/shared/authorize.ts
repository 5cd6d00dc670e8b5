import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// The OAuth 2.0 authorization-code grant (RFC 6749 §4.1, PKCE RFC 7636) as the
// emulated CRMs' authorize pages and token endpoints share it: a minimal
// consent page ("Allow" / "Deny"), codes that live briefly and are redeemed
// once, bound to the client, the redirect URI and the PKCE challenge. Each
// emulator adds its CRM's own paths, parameters and token answer around it.

/** A reply in plain terms, written by each emulator with its own HTTP helpers. */
export interface WebReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface AuthorizeOptions {
  /** The CRM's name on the consent page. */
  readonly crmName: string;
  /** The one client (connected app) the emulated account knows. */
  readonly clientId: () => string;
  /** Whether the CRM documents PKCE: then a `code_challenge` is bound to the code and checked. */
  readonly pkce: boolean;
  /** How long a code may be redeemed (Zoho: 2 minutes; Salesforce: 15). */
  readonly codeTtlMs: number;
  /** Query parameters the CRM adds to the redirect besides `code` and `state` (Zoho: `location`, `accounts-server`). */
  readonly redirectExtras?: () => Readonly<Record<string, string>>;
}

interface Grant {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: { readonly value: string; readonly method: 'S256' | 'plain' } | null;
  readonly scope: string;
  readonly expiresAt: number;
}

export type Redeemed =
  | { readonly ok: true; readonly scope: string }
  | { readonly ok: false; readonly error: string; readonly description: string };

export interface RedeemInput {
  readonly code: string | undefined;
  readonly clientId: string | undefined;
  readonly redirectUri: string | undefined;
  readonly codeVerifier: string | undefined;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The parameters the consent form carries back to the POST, as the authorize request gave them. */
const CARRIED = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
  'access_type',
  'prompt',
] as const;

export class AuthorizationServer {
  private readonly grants = new Map<string, Grant>();
  /** Codes issued so far (tests). */
  issued = 0;

  constructor(private readonly options: AuthorizeOptions) {}

  /**
   * GET: the consent page for a well-formed request. POST (the form): "allow"
   * redirects to `redirect_uri` with a code, "deny" with `error=access_denied`.
   * A request naming an unknown client or no redirect URI gets an error page,
   * never a redirect (RFC 6749 §4.1.2.1).
   */
  page(method: string, params: URLSearchParams): WebReply {
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!same(clientId, this.options.clientId()))
      return errorPage(400, 'invalid_client', 'the client_id is not registered');
    if (!isHttpUrl(redirectUri))
      return errorPage(400, 'invalid_request', 'redirect_uri must be an http(s) URL');
    const back = (extra: Record<string, string>): WebReply => {
      const target = new URL(redirectUri);
      for (const [key, value] of Object.entries(extra)) target.searchParams.set(key, value);
      const state = params.get('state');
      if (state !== null) target.searchParams.set('state', state);
      return { status: 302, headers: { location: target.toString() }, body: '' };
    };
    if (params.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    const challenge = this.challengeOf(params);
    if (challenge === 'invalid') return back({ error: 'invalid_request' });
    if (method === 'GET') return consentPage(this.options.crmName, params);
    if (params.get('decision') !== 'allow') return back({ error: 'access_denied' });
    const code = randomBytes(24).toString('base64url');
    this.grants.set(code, {
      clientId,
      redirectUri,
      challenge,
      scope: params.get('scope') ?? '',
      expiresAt: Date.now() + this.options.codeTtlMs,
    });
    this.issued += 1;
    return back({ code, ...(this.options.redirectExtras?.() ?? {}) });
  }

  /** The token endpoint's check of `grant_type=authorization_code`: each code once, for its client, URI and verifier. */
  redeem(input: RedeemInput): Redeemed {
    const refuse = (description: string): Redeemed => ({
      ok: false,
      error: 'invalid_grant',
      description,
    });
    const grant = input.code === undefined ? undefined : this.grants.get(input.code);
    if (input.code !== undefined) this.grants.delete(input.code);
    if (!grant) return refuse('invalid authorization code');
    if (grant.expiresAt <= Date.now()) return refuse('expired authorization code');
    if (input.clientId !== grant.clientId) return refuse('the code was issued to another client');
    if (input.redirectUri !== grant.redirectUri) return refuse('redirect_uri mismatch');
    if (grant.challenge) {
      if (input.codeVerifier === undefined) return refuse('code_verifier is required');
      const derived =
        grant.challenge.method === 'S256'
          ? createHash('sha256').update(input.codeVerifier).digest('base64url')
          : input.codeVerifier;
      if (!same(derived, grant.challenge.value)) return refuse('invalid code verifier');
    } else if (input.codeVerifier !== undefined && this.options.pkce)
      return refuse('a code_verifier was sent for a code issued without a code_challenge');
    return { ok: true, scope: grant.scope };
  }

  private challengeOf(params: URLSearchParams): Grant['challenge'] | 'invalid' {
    const value = params.get('code_challenge');
    if (!this.options.pkce || value === null) return null;
    const method = params.get('code_challenge_method') ?? 'plain';
    if (method !== 'S256' && method !== 'plain') return 'invalid';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(value)) return 'invalid';
    return { value, method };
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const HTML = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

function consentPage(crmName: string, params: URLSearchParams): WebReply {
  const hidden = CARRIED.flatMap((name) => {
    const value = params.get(name);
    return value === null
      ? []
      : [`<input type="hidden" name="${name}" value="${escapeHtml(value)}">`];
  }).join('\n      ');
  const scope = params.get('scope');
  const body = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${escapeHtml(crmName)} — authorize access</title></head>
  <body>
    <h1>${escapeHtml(crmName)} (emulator)</h1>
    <p>An application asks to access your ${escapeHtml(crmName)} account${scope ? ` (${escapeHtml(scope)})` : ''}.</p>
    <form method="post">
      ${hidden}
      <button type="submit" name="decision" value="allow">Allow</button>
      <button type="submit" name="decision" value="deny">Deny</button>
    </form>
  </body>
</html>
`;
  return { status: 200, headers: HTML, body };
}

function errorPage(status: number, error: string, description: string): WebReply {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${error}</title></head>
<body><h1>${error}</h1><p>${escapeHtml(description)}</p></body></html>
`;
  return { status, headers: HTML, body };
}

/** The authorize request's parameters: the query for GET, the query and the form for POST. */
export function authorizeParams(url: URL, method: string, body: string): URLSearchParams {
  const params = new URLSearchParams(url.search);
  if (method === 'POST')
    for (const [key, value] of new URLSearchParams(body)) params.set(key, value);
  return params;
}
