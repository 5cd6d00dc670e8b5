import type { OAuthSupport } from '../oauth.js';

// Salesforce's OAuth 2.0 web server flow: `GET {login}/services/oauth2/authorize`
// with PKCE (S256), which Salesforce recommends for it; scope `refresh_token`
// gets the refresh token; the token answer's `instance_url` is the API server
// and the login server is kept for refreshing (crm-apis.md §4.2).

export const salesforceOAuth: OAuthSupport = {
  server: { member: 'loginUrl', default: 'https://login.salesforce.com' },
  authorizePath: '/services/oauth2/authorize',
  tokenPath: '/services/oauth2/token',
  pkce: true,
  clientAuth: 'body',
  authorizeParams: { scope: 'api refresh_token' },
  connectionFrom: (answer, server, client) => ({
    baseUrl: answer.instance_url,
    loginUrl: server,
    credentials: { ...client, refreshToken: answer.refresh_token },
  }),
};
