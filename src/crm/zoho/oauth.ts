import type { OAuthSupport } from '../oauth.js';

// Zoho's "server-based applications" flow: `GET {accounts}/oauth/v2/auth`
// with access_type=offline (a refresh token) and prompt=consent (one on every
// connect, not only the first); the redirect names the data centre's
// `accounts-server`, where the code must be exchanged (crm-apis.md §1.2); the
// token answer's `api_domain` is the API server. Zoho documents PKCE for
// mobile and desktop clients only, so none is sent.

export const zohoOAuth: OAuthSupport = {
  server: { member: 'accountsUrl', default: 'https://accounts.zoho.com' },
  authorizePath: '/oauth/v2/auth',
  tokenPath: '/oauth/v2/token',
  pkce: false,
  clientAuth: 'body',
  authorizeParams: {
    scope: 'ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,ZohoCRM.users.READ,ZohoCRM.org.READ',
    access_type: 'offline',
    prompt: 'consent',
  },
  serverFromCallback: (query) => query['accounts-server'],
  connectionFrom: (answer, server, client) => ({
    baseUrl: answer.api_domain ?? 'https://www.zohoapis.com',
    accountsUrl: server,
    credentials: { ...client, refreshToken: answer.refresh_token },
  }),
};
