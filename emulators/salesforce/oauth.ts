import type { ServerResponse } from 'node:http';
import { AuthorizationServer, authorizeParams } from '../shared/authorize.js';

// Salesforce's OAuth 2.0 web server flow (the authorization-code grant):
// `GET {login}/services/oauth2/authorize` (client_id, redirect_uri,
// response_type=code, scope, state, code_challenge with S256 as Salesforce
// recommends), then `grant_type=authorization_code` with `code`, `client_id`,
// `client_secret`, `redirect_uri` and `code_verifier` at the token endpoint;
// the answer carries a refresh_token (scope `refresh_token`), instance_url
// and the identity URL `id`. `GET /services/oauth2/userinfo` names the user
// an access token acts for. Codes live 15 minutes and are redeemed once.

export const AUTHORIZE_PATH = '/services/oauth2/authorize';
export const USERINFO_PATH = '/services/oauth2/userinfo';

export function salesforceConsent(clientId: () => string): AuthorizationServer {
  return new AuthorizationServer({
    crmName: 'Salesforce',
    clientId,
    pkce: true,
    codeTtlMs: 15 * 60_000,
  });
}

export function serveConsent(
  consent: AuthorizationServer,
  url: URL,
  method: string,
  raw: string,
  res: ServerResponse,
): void {
  const reply = consent.page(method, authorizeParams(url, method, raw));
  res.writeHead(reply.status, reply.headers).end(reply.body);
}

/** The OpenID Connect userinfo answer for the token's user (the fields this emulator can fill). */
export function userInfo(
  user: Readonly<Record<string, unknown>>,
  orgId: string,
  baseUrl: string,
): Record<string, unknown> {
  const userId = typeof user['Id'] === 'string' ? user['Id'] : '';
  const name = typeof user['Name'] === 'string' ? user['Name'] : '';
  const email = typeof user['Email'] === 'string' ? user['Email'] : null;
  return {
    sub: `${baseUrl}/id/${orgId}/${userId}`,
    user_id: userId,
    organization_id: orgId,
    name,
    preferred_username: email ?? userId,
    email,
    active: true,
  };
}
