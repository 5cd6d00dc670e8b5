import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createApiClient, type Schemas } from '../../api-client/index.js';
import { startPipedriveEmulator, type PipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';
import { startZohoEmulator, type ZohoEmulator } from '../../emulators/zoho/index.js';
import { buildWeb } from '../../scripts/build-web.js';

// The admin web app as a user meets it: the page built by `npm run build:web`, a real
// `callmatrix serve` (from source) on a SQLite file, a CRM emulator on loopback (Pipedrive, and
// Zoho and Salesforce when asked for), and Debian's chromium driven by playwright-core. The
// service is set up as the OAuth client of the emulated Pipedrive (and Zoho, Salesforce), so
// "Connect" runs end to end. Screenshots go to a temp folder, or to docs/screenshots/
// with CALLMATRIX_SCREENSHOTS=1 (`npm run screenshots`).

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'test', 'crash', 'cli.ts');
export const CHROMIUM = process.env['CALLMATRIX_CHROMIUM'] ?? '/usr/bin/chromium';

export interface WebStack {
  readonly base: string;
  readonly adminKey: string;
  readonly pipedrive: PipedriveEmulator;
  /** Started only with `startWebStack({ zoho: true })`. */
  readonly zoho: ZohoEmulator | null;
  /** Started only with `startWebStack({ salesforce: true })`. */
  readonly salesforce: SalesforceEmulator | null;
  readonly browser: BrowserContext;
  newPage(width?: number, height?: number): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

type SalesforceEmulator = Awaited<ReturnType<typeof startSalesforceEmulator>>;

export async function startWebStack(
  options: { zoho?: boolean; salesforce?: boolean } = {},
): Promise<WebStack> {
  await buildWeb();
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-web-'));
  const shots = process.env['CALLMATRIX_SCREENSHOTS']
    ? join(ROOT, 'docs', 'screenshots')
    : join(dir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  const pipedrive = await startPipedriveEmulator({ host: '127.0.0.1' });
  const zoho = options.zoho ? await startZohoEmulator({ host: '127.0.0.1' }) : null;
  const pipedriveApp = pipedrive.oauthConnection;
  const zohoApp = zoho?.connection;
  const salesforce = options.salesforce
    ? await startSalesforceEmulator({ host: '127.0.0.1' })
    : null;
  const salesforceApp = salesforce?.connection;
  const port = await freePort();
  const adminKey = `cmo_${randomBytes(24).toString('base64url')}`;
  const serve = spawn(TSX, [CLI, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CALLMATRIX_DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      CALLMATRIX_ADMIN_KEY: adminKey,
      CALLMATRIX_SECRET_KEY: randomBytes(32).toString('base64'),
      CALLMATRIX_DATA_DIR: dir,
      CALLMATRIX_ALLOW_CRM_HOSTS: '127.0.0.1',
      CALLMATRIX_POLL_MS: '100',
      CALLMATRIX_RETRY_SCHEDULE: '1,1,1',
      CALLMATRIX_PIPEDRIVE_CLIENT_ID: pipedriveApp.credentials.clientId,
      CALLMATRIX_PIPEDRIVE_CLIENT_SECRET: pipedriveApp.credentials.clientSecret,
      CALLMATRIX_PIPEDRIVE_OAUTH_URL: pipedriveApp.oauthUrl,
      ...(zohoApp && {
        CALLMATRIX_ZOHO_CLIENT_ID: zohoApp.credentials.clientId,
        CALLMATRIX_ZOHO_CLIENT_SECRET: zohoApp.credentials.clientSecret,
        CALLMATRIX_ZOHO_ACCOUNTS_URL: zohoApp.accountsUrl,
      }),
      ...(salesforceApp && {
        CALLMATRIX_SALESFORCE_CLIENT_ID: salesforceApp.credentials.clientId,
        CALLMATRIX_SALESFORCE_CLIENT_SECRET: salesforceApp.credentials.clientSecret,
        CALLMATRIX_SALESFORCE_LOGIN_URL: salesforceApp.loginUrl,
      }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitReady(`${base}/healthz`, serve);
  const userDataDir = join(dir, 'chromium');
  // A fresh profile each run; playwright passes it as --user-data-dir and adds --headless.
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-GB',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    base,
    adminKey,
    pipedrive,
    zoho,
    salesforce,
    browser,
    async newPage(width = 1280, height = 860) {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height });
      page.setDefaultTimeout(15_000);
      await page.goto(base);
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => {
        if (serve.exitCode !== null) return resolve();
        serve.once('exit', () => resolve());
        try {
          process.kill(-(serve.pid ?? 0), 'SIGTERM');
        } catch {
          serve.kill('SIGTERM');
        }
      });
      await pipedrive.close();
      await zoho?.close();
      await salesforce?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const WEBHOOK_TOKEN = 'pbx-web-test-token-0123456789';

/** Replaces an emulator's state (its users, records) through its `/_emulator/state` door. */
export async function seedEmulator(baseUrl: string, state: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(state),
  });
  if (!response.ok) throw new Error(`seeding ${baseUrl}: ${response.status}`);
}

/** Seeds the Pipedrive emulator's users and PUTs a project on it through the API. */
/** POSTs events to a project's ingest endpoint with the webhook token, as a telephony source does. */
export function postEvents(stack: WebStack, project: string, events: unknown[]): Promise<Response> {
  return fetch(`${stack.base}/v1/projects/${project}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${WEBHOOK_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
}

export async function pipedriveProject(stack: WebStack, id: string): Promise<void> {
  await fetch(`${stack.pipedrive.baseUrl}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      users: [
        { id: '1', name: 'Olena Top' },
        { id: '2', name: 'Petro Manager' },
      ],
    }),
  });
  const api = createApiClient({ baseUrl: stack.base, key: stack.adminKey });
  const { response, error } = await api.PUT('/v1/projects/{project}', {
    params: { path: { project: id } },
    body: {
      crm: 'pipedrive',
      project: { timezone: 'Europe/Kyiv', defaultCountry: 'UA' },
      employees: [
        { id: 'e1', name: 'Olena Top', crmUserId: '1', extension: '100', topManager: true },
      ],
      connection: stack.pipedrive.connection,
      webhook: { token: WEBHOOK_TOKEN },
    } as Schemas['ProjectDocument'],
  });
  if (response.status >= 300) throw new Error(`PUT ${id}: ${JSON.stringify(error)}`);
}

/** A page of `width` × `height` signed in with the operator key, once the projects list shows `project`. */
export async function signedInPage(
  stack: WebStack,
  project: string,
  width?: number,
  height?: number,
): Promise<Page> {
  const page = await stack.newPage(width, height);
  await signIn(page, stack.adminKey);
  await page.locator(`tr[data-project="${project}"]`).waitFor();
  return page;
}

/**
 * The file's stack: started before its tests and handed to `ready` (to keep and seed), closed
 * after them. The hooks get minutes, not vitest's 10 s: starting and closing chromium, serve and
 * the emulators take that long on a busy machine.
 */
export function useWebStack(
  ready: (stack: WebStack) => Promise<void> | void,
  options: Parameters<typeof startWebStack>[0] = {},
): void {
  let stack: WebStack | undefined;
  beforeAll(async () => {
    stack = await startWebStack(options);
    await ready(stack);
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  }, 60_000);
}

/** Signs in with a key, as a user types it. */
export async function signIn(page: Page, key: string, project?: string): Promise<void> {
  await page.getByLabel('API key').fill(key);
  if (project) await page.getByLabel('Project (only for a project key)').fill(project);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
