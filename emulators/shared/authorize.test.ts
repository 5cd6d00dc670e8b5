import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsent } from '../../test/support/consent-form.js';
import { startPipedriveEmulator } from '../pipedrive/index.js';
import { startSalesforceEmulator } from '../salesforce/index.js';
import { startZohoEmulator } from '../zoho/index.js';

// The authorization-code grant of each emulated CRM, driven as the service
// and a browser drive the real ones: the authorize page, its form, the
// redirect with a code, the token endpoint, then an API call with the token.

interface Client {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

interface Case {
  readonly crm: string;
  readonly pkce: boolean;
  readonly authorizeUrl: (params: Record<string, string>) => string;
  readonly exchange: (params: Record<string, string>) => Promise<Record<string, unknown>>;
  /** The API's answer for the token's user, or its status when refused. */
  readonly me: (accessToken: string) => Promise<number>;
  readonly client: Client;
  readonly close: () => Promise<void>;
}

const REDIRECT = 'http://127.0.0.1:9/v1/oauth/x/callback';
const form = (params: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params).toString(),
});
const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

async function zoho(): Promise<Case> {
  const emu = await startZohoEmulator();
  const { accountsUrl, baseUrl, credentials } = emu.connection;
  return {
    crm: 'zoho',
    pkce: true,
    client: credentials,
    authorizeUrl: (p) =>
      `${accountsUrl}/oauth/v2/auth?${new URLSearchParams({ access_type: 'offline', scope: 'ZohoCRM.modules.ALL', ...p }).toString()}`,
    exchange: async (p) =>
      json(
        await fetch(
          `${accountsUrl}/oauth/v2/token`,
          form({ grant_type: 'authorization_code', client_secret: credentials.clientSecret, ...p }),
        ),
      ),
    me: async (token) =>
      (
        await fetch(`${baseUrl}/crm/v8/users?type=CurrentUser`, {
          headers: { authorization: `Zoho-oauthtoken ${token}` },
        })
      ).status,
    close: () => emu.close(),
  };
}

async function salesforce(): Promise<Case> {
  const emu = await startSalesforceEmulator();
  const { loginUrl, credentials } = emu.connection;
  return {
    crm: 'salesforce',
    pkce: true,
    client: credentials,
    authorizeUrl: (p) =>
      `${loginUrl}/services/oauth2/authorize?${new URLSearchParams({ scope: 'api refresh_token', ...p }).toString()}`,
    exchange: async (p) =>
      json(
        await fetch(
          `${loginUrl}/services/oauth2/token`,
          form({ grant_type: 'authorization_code', client_secret: credentials.clientSecret, ...p }),
        ),
      ),
    me: async (token) =>
      (
        await fetch(`${emu.baseUrl}/services/oauth2/userinfo`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    close: () => emu.close(),
  };
}

async function pipedrive(): Promise<Case> {
  const emu = await startPipedriveEmulator();
  const { oauthUrl, credentials } = emu.oauthConnection;
  return {
    crm: 'pipedrive',
    pkce: false,
    client: credentials,
    authorizeUrl: (p) => `${oauthUrl}/oauth/authorize?${new URLSearchParams(p).toString()}`,
    exchange: async ({ client_id, ...p }) => {
      const basic = Buffer.from(`${client_id ?? ''}:${credentials.clientSecret}`).toString(
        'base64',
      );
      const init = form({ grant_type: 'authorization_code', ...p });
      return json(
        await fetch(`${oauthUrl}/oauth/token`, {
          ...init,
          headers: { ...init.headers, authorization: `Basic ${basic}` },
        }),
      );
    },
    me: async (token) =>
      (
        await fetch(`${emu.baseUrl}/api/v1/users/me`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status,
    close: () => emu.close(),
  };
}

const starts = { zoho, salesforce, pipedrive };

describe.each(Object.entries(starts))('%s: the authorization-code grant', (_name, start) => {
  let c: Case;
  beforeAll(async () => {
    c = await start();
  });
  afterAll(() => c.close());

  const authorize = (extra: Record<string, string> = {}) =>
    c.authorizeUrl({
      client_id: c.client.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT,
      state: 'st-1',
      ...extra,
    });

  it('Allow redirects with a code and the state; the code buys a refresh token and a working access token, once', async () => {
    const { page, location } = await answerConsent(authorize(), 'allow');
    expect(page).toContain('Allow');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('st-1');
    const code = location.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const exchange = { client_id: c.client.clientId, code, redirect_uri: REDIRECT };
    const tokens = await c.exchange(exchange);
    expect(tokens['refresh_token']).toBe(c.client.refreshToken);
    // 204 is Zoho's empty user list: accepted all the same, where a bad token gets 401.
    expect([200, 204]).toContain(await c.me(String(tokens['access_token'])));
    expect(await c.me('not-a-token')).toBe(401);
    const replayed = await c.exchange(exchange);
    expect(replayed['access_token']).toBeUndefined();
    expect(String(replayed['error'])).toMatch(/invalid_(grant|code)/);
  });

  it('Deny redirects with error=access_denied and no code', async () => {
    const { location } = await answerConsent(authorize(), 'deny');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('code')).toBeNull();
    expect(location.searchParams.get('state')).toBe('st-1');
  });

  it('an unknown client gets an error page, never a redirect', async () => {
    const shown = await fetch(authorize({ client_id: 'someone-else' }), { redirect: 'manual' });
    expect(shown.status).toBe(400);
    expect(shown.headers.get('location')).toBeNull();
  });

  it('a code exchanged with another redirect_uri is refused', async () => {
    const { location } = await answerConsent(authorize(), 'allow');
    const refused = await c.exchange({
      client_id: c.client.clientId,
      code: location.searchParams.get('code') ?? '',
      redirect_uri: 'http://127.0.0.1:9/elsewhere',
    });
    expect(refused['access_token']).toBeUndefined();
  });

  it('PKCE (S256) where the CRM documents it: the wrong verifier is refused, the right one accepted', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const codeOf = async () =>
      (await answerConsent(authorize(pkce), 'allow')).location.searchParams.get('code') ?? '';
    const base = { client_id: c.client.clientId, redirect_uri: REDIRECT };
    const wrong = await c.exchange({
      ...base,
      code: await codeOf(),
      code_verifier: randomBytes(32).toString('base64url'),
    });
    if (c.pkce) expect(wrong['access_token']).toBeUndefined();
    else expect(typeof wrong['access_token']).toBe('string'); // Pipedrive documents no PKCE
    const right = await c.exchange({ ...base, code: await codeOf(), code_verifier: verifier });
    expect(typeof right['access_token']).toBe('string');
    if (c.pkce) {
      const missing = await c.exchange({ ...base, code: await codeOf() });
      expect(missing['access_token']).toBeUndefined();
    }
  });
});
