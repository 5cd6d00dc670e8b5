import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';
import { startZohoEmulator } from '../../emulators/zoho/index.js';
import type { OAuthApp } from '../../src/service/oauth/apps.js';
import { answerConsent } from '../support/consent-form.js';
import { oauthHarness, unconnectedDocument, type OAuthHarness } from './oauth-harness.js';

// "Connect" (issue 13 item 4, docs/oauth.md) end to end on loopback: the
// service's start answer, the emulated CRM's authorize page answered as a
// browser would, the callback, the saved connection, "Test connection".

interface Emulated {
  readonly app: OAuthApp;
  /** Where the CRM's API lives: the saved connection's baseUrl. */
  readonly apiUrl: string;
  readonly refreshToken: string;
  close(): Promise<void>;
}

const USERS = { users: [{ id: 'u1', name: 'Olena Top' }] };
const seed = async (url: string) => {
  const response = await fetch(`${url}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(USERS),
  });
  expect(response.status).toBeLessThan(300);
};

async function emulated(): Promise<Record<'zoho' | 'salesforce' | 'pipedrive', Emulated>> {
  const zoho = await startZohoEmulator();
  const salesforce = await startSalesforceEmulator();
  const pipedrive = await startPipedriveEmulator();
  await Promise.all([seed(zoho.baseUrl), seed(salesforce.baseUrl), seed(pipedrive.baseUrl)]);
  const client = (c: { clientId: string; clientSecret: string }, server: string): OAuthApp => ({
    clientId: c.clientId,
    clientSecret: c.clientSecret,
    server,
  });
  return {
    zoho: {
      app: client(zoho.connection.credentials, zoho.connection.accountsUrl),
      apiUrl: zoho.baseUrl,
      refreshToken: zoho.connection.credentials.refreshToken,
      close: () => zoho.close(),
    },
    salesforce: {
      app: client(salesforce.connection.credentials, salesforce.connection.loginUrl),
      apiUrl: salesforce.baseUrl,
      refreshToken: salesforce.connection.credentials.refreshToken,
      close: () => salesforce.close(),
    },
    pipedrive: {
      app: client(pipedrive.oauthConnection.credentials, pipedrive.oauthConnection.oauthUrl),
      apiUrl: pipedrive.baseUrl,
      refreshToken: pipedrive.oauthConnection.credentials.refreshToken,
      close: () => pipedrive.close(),
    },
  };
}

let crms: Awaited<ReturnType<typeof emulated>>;
let h: OAuthHarness;

beforeAll(async () => {
  crms = await emulated();
  h = await oauthHarness({
    apps: { zoho: crms.zoho.app, salesforce: crms.salesforce.app, pipedrive: crms.pipedrive.app },
  });
});
afterAll(async () => {
  await h.close();
  await Promise.all(Object.values(crms).map((crm) => crm.close()));
});

let projects = 0;
async function newProject(crm: string): Promise<string> {
  const id = `p${++projects}`;
  const put = await h.call('PUT', `/v1/projects/${id}`, unconnectedDocument(crm));
  expect(put.status, await put.clone().text()).toBe(201);
  return id;
}

async function start(crm: string, project: string, extra: Record<string, unknown> = {}) {
  const response = await h.call('POST', `/v1/oauth/${crm}/start`, { project, ...extra });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { authorizeUrl: string; state: string; flow: string };
}

/** The browser's arrival at the callback: where the service sends it next. */
async function arrive(location: URL): Promise<Response> {
  return fetch(location, { redirect: 'manual' });
}

const appRoute = (response: Response) => {
  const location = response.headers.get('location') ?? '';
  const hash = location.slice(location.indexOf('#'));
  const [route = '', query = ''] = hash.split('?');
  return { location, route, params: new URLSearchParams(query) };
};

describe.each(['zoho', 'salesforce', 'pipedrive'] as const)('Connect with %s', (crm) => {
  it('start → authorize page → Allow → callback: the connection is saved, its refresh token sealed, the browser back in the admin app; Test connection names the user', async () => {
    const project = await newProject(crm);
    const started = await start(crm, project);
    const authorize = new URL(started.authorizeUrl);
    expect(authorize.origin).toBe(new URL(crms[crm].app.server).origin);
    expect(authorize.searchParams.get('client_id')).toBe(crms[crm].app.clientId);
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `${h.baseUrl}/v1/oauth/${crm}/callback`,
    );
    expect(authorize.searchParams.has('code_challenge')).toBe(crm === 'salesforce');

    const { location } = await answerConsent(started.authorizeUrl, 'allow');
    expect(location.toString().startsWith(`${h.baseUrl}/v1/oauth/${crm}/callback?`)).toBe(true);
    const back = await arrive(location);
    expect(back.status).toBe(303);
    const { route, params } = appRoute(back);
    expect(route).toBe(`#/projects/${project}/connection`);
    expect(params.get('reason')).toBeNull();
    expect(params.get('oauth')).toBe('connected');
    expect(params.get('flow')).toBe(started.flow);

    const connection = (await (
      await h.call('GET', `/v1/projects/${project}/connection`)
    ).json()) as {
      baseUrl: string;
      credentials: Record<string, string>;
    };
    expect(connection.baseUrl).toBe(crms[crm].apiUrl);
    expect(connection.credentials['refreshToken']).toBe('redacted');

    const stored = await h.store.getProject(project);
    expect(JSON.stringify(stored)).not.toContain(crms[crm].refreshToken);

    const test = await h.call('POST', `/v1/projects/${project}/connection/test`);
    expect(test.status).toBe(200);
    expect(await test.json()).toMatchObject({ ok: true, user: { name: 'Olena Top' } });

    // The same callback again: its state was good once.
    const replayed = await arrive(location);
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain('already used');
  });

  it('Deny comes back to the admin app as an error in words; nothing is saved', async () => {
    const project = await newProject(crm);
    const started = await start(crm, project);
    const { location } = await answerConsent(started.authorizeUrl, 'deny');
    const { params } = appRoute(await arrive(location));
    expect(params.get('oauth')).toBe('error');
    expect(params.get('reason')).toMatch(
      / refused access: the consent was denied \(access_denied\)$/,
    );
    expect(await (await h.call('GET', `/v1/projects/${project}/connection`)).json()).toBeNull();
  });
});

describe('the state', () => {
  it("a forged, another CRM's or an expired state is refused with 400 naming it, and the code is not exchanged", async () => {
    const project = await newProject('zoho');
    const started = await start('zoho', project);
    const { location } = await answerConsent(started.authorizeUrl, 'allow');
    const forged = new URL(location);
    forged.searchParams.set('state', `${started.flow}.${'A'.repeat(43)}`);
    const refused = await arrive(forged);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      problems: [{ path: 'query.state', message: 'the state does not match its flow' }],
    });
    const otherCrm = new URL(location.toString().replace('/oauth/zoho/', '/oauth/pipedrive/'));
    expect((await arrive(otherCrm)).status).toBe(400);
    const missing = new URL(location);
    missing.searchParams.delete('state');
    expect((await arrive(missing)).status).toBe(400);

    const late = await start('zoho', project);
    const lateAnswer = await answerConsent(late.authorizeUrl, 'allow');
    h.clock.now = new Date(Date.now() + 11 * 60_000);
    try {
      const expired = await arrive(lateAnswer.location);
      expect(expired.status).toBe(400);
      expect(await expired.text()).toContain('expired');
    } finally {
      h.clock.now = new Date();
    }
    expect(await (await h.call('GET', `/v1/projects/${project}/connection`)).json()).toBeNull();
    // The original callback, its state untouched by the forgeries, still connects.
    expect(appRoute(await arrive(location)).params.get('oauth')).toBe('connected');
  });

  it("a project key starts a flow for its own project only; another project's answers 404", async () => {
    const mine = await newProject('pipedrive');
    const other = await newProject('pipedrive');
    const key = (await (await h.call('POST', `/v1/projects/${mine}/keys`, {})).json()) as {
      key: string;
    };
    const own = await h.call('POST', '/v1/oauth/pipedrive/start', { project: mine }, key.key);
    expect(own.status).toBe(200);
    const foreign = await h.call('POST', '/v1/oauth/pipedrive/start', { project: other }, key.key);
    expect(foreign.status).toBe(404);
    const none = await fetch(`${h.baseUrl}/v1/oauth/pipedrive/start?project=${mine}`);
    expect(none.status).toBe(401);
  });
});

describe('PKCE and hosts', () => {
  it("Salesforce: a code redeemed with another flow's verifier (PKCE mismatch) is refused by the CRM; nothing saved", async () => {
    const project = await newProject('salesforce');
    const first = await start('salesforce', project);
    const second = await start('salesforce', project);
    const { location } = await answerConsent(first.authorizeUrl, 'allow');
    const swapped = new URL(location);
    swapped.searchParams.set('state', second.state);
    const { params } = appRoute(await arrive(swapped));
    expect(params.get('oauth')).toBe('error');
    expect(params.get('reason')).toContain('invalid code verifier');
    expect(await (await h.call('GET', `/v1/projects/${project}/connection`)).json()).toBeNull();
  });

  it('an OAuth server outside the allowed hosts is refused at start (400 naming server) and at the callback (Zoho accounts-server)', async () => {
    const project = await newProject('zoho');
    const bad = await h.call('POST', '/v1/oauth/zoho/start', {
      project,
      server: 'https://accounts.evil.example',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ problems: [{ path: 'body.server' }] });

    const started = await start('zoho', project);
    const { location } = await answerConsent(started.authorizeUrl, 'allow');
    location.searchParams.set('accounts-server', 'http://10.0.0.1:1');
    const { params } = appRoute(await arrive(location));
    expect(params.get('oauth')).toBe('error');
    expect(params.get('reason')).toMatch(/accountsUrl: .*CALLMATRIX_ALLOW_CRM_HOSTS/);
  });

  it('Test connection answers the CRM refusal in words when the token is revoked', async () => {
    const project = await newProject('pipedrive');
    const started = await start('pipedrive', project);
    await arrive((await answerConsent(started.authorizeUrl, 'allow')).location);
    await fetch(`${crms.pipedrive.apiUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: 'revoked' }),
    });
    try {
      const test = await h.call('POST', `/v1/projects/${project}/connection/test`);
      const body = (await test.json()) as { ok: boolean; kind: string; reason: string };
      expect(body.ok).toBe(false);
      expect(body.kind).toBe('reauth');
      expect(body.reason.length).toBeGreaterThan(0);
    } finally {
      await fetch(`${crms.pipedrive.apiUrl}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: 'valid' }),
      });
    }
  });
});

describe.runIf(process.env['CALLMATRIX_TEST_BACKEND'] !== 'postgres')('at rest (SQLite)', () => {
  it('the refresh token is nowhere in the database files', async () => {
    const project = await newProject('salesforce');
    const started = await start('salesforce', project);
    await arrive((await answerConsent(started.authorizeUrl, 'allow')).location);
    await h.store.getProject(project);
    const files = h.opened.path === undefined ? [] : readdirSync(dirname(h.opened.path));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(`${dirname(h.opened.path ?? '')}/${file}`);
      expect(bytes.includes(Buffer.from(crms.salesforce.refreshToken))).toBe(false);
      expect(bytes.includes(Buffer.from(crms.salesforce.app.clientSecret))).toBe(false);
    }
  });
});
