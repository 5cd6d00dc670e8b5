import type { ServerResponse } from 'node:http';
import { AuthorizationServer, authorizeParams } from '../shared/authorize.js';
import type { ParsedRequest } from './http.js';
import type { ZohoState } from './state.js';

// Zoho's authorize page, `GET {accounts-server}/oauth/v2/auth` (Zoho's
// "server-based applications" flow): client_id, response_type=code,
// redirect_uri, scope, access_type=offline, state. The redirect back carries
// `code`, `state`, `location` and `accounts-server` (the data centre the user
// signed in at, where the code must be exchanged). Codes live 2 minutes, as
// Zoho documents. PKCE (code_challenge S256 or plain) is checked when sent,
// as Zoho documents it for mobile and desktop clients.

export const AUTHORIZE_PATH = '/oauth/v2/auth';

export function zohoConsent(state: ZohoState, accountsServer: () => string): AuthorizationServer {
  return new AuthorizationServer({
    crmName: 'Zoho CRM',
    clientId: () => state.credentials.clientId,
    pkce: true,
    codeTtlMs: 2 * 60_000,
    redirectExtras: () => ({ location: 'us', 'accounts-server': accountsServer() }),
  });
}

export function serveConsent(
  consent: AuthorizationServer,
  request: ParsedRequest,
  res: ServerResponse,
): void {
  const query = new URLSearchParams(
    [...request.query].map(([key, value]): [string, string] => [key, value]),
  );
  const url = new URL(`http://emulator/?${query.toString()}`);
  const reply = consent.page(
    request.method,
    authorizeParams(url, request.method, request.body.toString('utf8')),
  );
  res.writeHead(reply.status, {
    ...reply.headers,
    'content-length': Buffer.byteLength(reply.body),
  });
  res.end(reply.body);
}
