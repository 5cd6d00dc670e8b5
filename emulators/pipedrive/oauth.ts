import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthorizationServer, authorizeParams } from '../shared/authorize.js';
import type { Credentials } from './auth.js';
import type { Reply } from './http.js';

// Pipedrive's authorization step (developers.pipedrive.com, "OAuth
// authorization"): `GET https://oauth.pipedrive.com/oauth/authorize` with
// client_id, redirect_uri and state, a consent page ("Allow and install" /
// "Cancel"), then `POST /oauth/token` with Basic client auth and
// `grant_type=authorization_code&code=…&redirect_uri=…`, answered with an
// access and refresh token and the company's `api_domain`. Pipedrive documents
// no PKCE, so a code_challenge is ignored. Codes are redeemed once, within 5
// minutes (UNVERIFIED: Pipedrive does not state their lifetime).

export const AUTHORIZE_PATH = '/oauth/authorize';

export function pipedriveConsent(credentials: Credentials): AuthorizationServer {
  return new AuthorizationServer({
    crmName: 'Pipedrive',
    clientId: () => credentials.oauth.clientId,
    pkce: false,
    codeTtlMs: 5 * 60_000,
  });
}

export function serveConsent(
  consent: AuthorizationServer,
  url: URL,
  method: string,
  raw: Buffer,
  res: ServerResponse,
): void {
  const reply = consent.page(method, authorizeParams(url, method, raw.toString('utf8')));
  res.writeHead(reply.status, reply.headers).end(reply.body);
}

/** `grant_type=authorization_code` at `POST /oauth/token`: the client by Basic auth, the code once. */
export function codeGrant(
  credentials: Credentials,
  consent: AuthorizationServer,
  req: IncomingMessage,
  form: Record<string, string>,
  apiDomain: string,
): Reply {
  const header = req.headers.authorization ?? '';
  const [id, secret] = header.startsWith('Basic ')
    ? Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')
    : [form['client_id'], form['client_secret']];
  if (id !== credentials.oauth.clientId || secret !== credentials.oauth.clientSecret)
    return {
      status: 401,
      body: { error: 'invalid_client', error_description: 'Invalid client credentials' },
    };
  const redeemed = consent.redeem({
    code: form['code'],
    clientId: id,
    redirectUri: form['redirect_uri'],
    codeVerifier: form['code_verifier'],
  });
  if (!redeemed.ok)
    return {
      status: 400,
      body: { error: redeemed.error, error_description: redeemed.description },
    };
  return credentials.issue(apiDomain);
}
