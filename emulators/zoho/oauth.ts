import type { ParsedRequest } from './http.js';
import { formBody } from './http.js';
import type { ZohoState } from './state.js';
import type { AuthorizationServer } from '../shared/authorize.js';

// The accounts server's token endpoint, `POST {accountsUrl}/oauth/v2/token`
// (crm-apis.md §1.2, §6), and the access-token check of every API call.

/** A code a caller may exchange with `grant_type=authorization_code` without the authorize page (consent.ts issues the others). */
export const EMULATOR_GRANT_CODE = '1000.emulator-grant-code';

export interface TokenReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * UNVERIFIED (§1.2): the HTTP status of a refused grant. The emulator answers
 * 200 with `{ "error": "invalid_code" }`, the form the SDK reads (it only
 * looks for a missing `access_token`), so a client must check the body.
 */
export function token(
  state: ZohoState,
  request: ParsedRequest,
  apiDomain: string,
  ttlSec: number,
  now: number,
  consent?: AuthorizationServer,
): TokenReply {
  const params = new Map([...request.query, ...formBody(request)]);
  const refused = (error: string): TokenReply => ({ status: 200, body: { error } });
  const grant = params.get('grant_type');
  const { credentials } = state;
  if (
    params.get('client_id') !== credentials.clientId ||
    params.get('client_secret') !== credentials.clientSecret
  )
    return refused('invalid_client');
  if (state.faults.credentials === 'revoked') return refused('invalid_code');
  const issued = (extra: Record<string, unknown> = {}): TokenReply => ({
    status: 200,
    body: {
      access_token: state.issueToken(ttlSec, now),
      ...extra,
      api_domain: apiDomain,
      token_type: 'Bearer',
      expires_in: ttlSec,
    },
  });
  if (grant === 'refresh_token')
    return params.get('refresh_token') === credentials.refreshToken
      ? issued()
      : refused('invalid_code');
  if (grant === 'authorization_code') {
    if (params.get('code') === EMULATOR_GRANT_CODE)
      return issued({ refresh_token: credentials.refreshToken });
    // A code from the authorize page (consent.ts): once, for its redirect URI and PKCE verifier.
    const redeemed = consent?.redeem({
      code: params.get('code'),
      clientId: params.get('client_id'),
      redirectUri: params.get('redirect_uri'),
      codeVerifier: params.get('code_verifier'),
    });
    return redeemed?.ok
      ? issued({ refresh_token: credentials.refreshToken })
      : refused('invalid_code');
  }
  return refused('unsupported_grant_type');
}

/** Null when the call may go on; else Zoho's 401 body (§1.2). */
export function checkAccess(
  state: ZohoState,
  header: string | undefined,
  now: number,
): Record<string, unknown> | null {
  const invalid = {
    code: 'INVALID_TOKEN',
    details: {},
    message: 'invalid oauth token',
    status: 'error',
  };
  if (state.faults.credentials === 'revoked') return invalid;
  const match = /^Zoho-oauthtoken (\S+)$/.exec(header ?? '');
  if (!match?.[1])
    return {
      code: 'AUTHENTICATION_FAILURE',
      details: {},
      message: 'Authentication failed',
      status: 'error',
    };
  const expiry = state.accessTokens.get(match[1]);
  if (expiry === undefined || expiry <= now) return invalid;
  return null;
}
