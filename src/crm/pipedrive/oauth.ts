import type { OAuthSupport } from '../oauth.js';

// Pipedrive's app authorization: `GET https://oauth.pipedrive.com/oauth/authorize`
// (client_id, redirect_uri, state; scopes are the app's, set in the Marketplace
// Manager), the code exchanged with HTTP Basic client authentication, and the
// company's `api_domain` in the token answer (crm-apis.md §2.2). Pipedrive
// documents no PKCE.

export const pipedriveOAuth: OAuthSupport = {
  server: { member: 'oauthUrl', default: 'https://oauth.pipedrive.com' },
  authorizePath: '/oauth/authorize',
  tokenPath: '/oauth/token',
  pkce: false,
  clientAuth: 'basic',
  authorizeParams: {},
  connectionFrom: (answer, server, client) => ({
    baseUrl: answer.api_domain,
    oauthUrl: server,
    credentials: { ...client, refreshToken: answer.refresh_token },
  }),
};
