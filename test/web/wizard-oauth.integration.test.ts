import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../api-client/index.js';
import { seedEmulator, signIn, type WebStack, useWebStack } from './harness.js';

// "Connect" for Salesforce and Pipedrive in chromium, end to end on loopback: the wizard's
// Connect step sends the browser to the emulator's own authorize page (Salesforce with PKCE,
// Pipedrive without, as each documents it); Deny comes back to the step with the CRM's refusal
// in words, Allow comes back connected and "Test connection" names the CRM user the token acts
// as. (Zoho's flow is in wizard.integration.test.ts.)

let stack: WebStack;
let api: ApiClient;

useWebStack(
  async (started) => {
    stack = started;
    api = createApiClient({ baseUrl: stack.base, key: stack.adminKey });
    await seedEmulator(stack.pipedrive.baseUrl, {
      users: [
        { id: '1', name: 'Olena Top' },
        { id: '2', name: 'Petro Manager' },
      ],
    });
    await seedEmulator(stack.salesforce!.baseUrl, {
      users: [
        { id: 's1', name: 'Sofia Force' },
        { id: 's2', name: 'Marko Force' },
      ],
    });
  },
  { salesforce: true },
);

const step = (page: Page) => page.locator('.steps [aria-current="step"]').textContent();

/** The wizard's first two steps for a new project of `crm`, up to its Connect step. */
async function connectStep(page: Page, id: string, crm: string): Promise<void> {
  await signIn(page, stack.adminKey);
  await page.getByRole('link', { name: 'New project' }).click();
  await page.getByRole('heading', { name: 'New project' }).waitFor();
  await page.getByLabel(crm, { exact: true }).check();
  await page.getByLabel('Project id (lower-case letters, digits and -)').fill(id);
  await page.getByLabel('Time zone (IANA, e.g. Europe/Kyiv)').fill('Europe/Kyiv');
  await page.getByLabel('Default country of phone numbers (two letters, e.g. UA)').fill('UA');
  await page.getByRole('button', { name: 'Create the project' }).click();
  await expect.poll(() => step(page)).toBe('Connect');
  await expect.poll(() => page.locator('.connected-to').textContent()).toBe('Not connected yet.');
}

/** Connect → the emulator's authorize page, which names the CRM. */
async function toConsent(page: Page, emulatorBase: string, crmName: string): Promise<URL> {
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(emulatorBase));
  expect(await page.getByRole('heading').first().textContent()).toContain(crmName);
  return new URL(page.url());
}

const CASES = [
  {
    crm: 'salesforce',
    label: 'Salesforce',
    crmName: 'Salesforce',
    base: () => stack.salesforce!.baseUrl,
    pkce: true,
    user: /^Works: acting as Sofia Force \(.+\)$/,
    tokenField: false,
  },
  {
    crm: 'pipedrive',
    label: 'Pipedrive',
    crmName: 'Pipedrive',
    base: () => stack.pipedrive.baseUrl,
    pkce: false,
    user: /^Works: acting as Olena Top \(.+\)$/,
    tokenField: true,
  },
] as const;

describe.each(CASES)('Connect with $label in the wizard', (c) => {
  it(`Deny shows ${c.crmName}'s refusal in words and leaves the project unconnected; Allow connects it and Test connection names the CRM user`, async () => {
    const id = `${c.crm}-oauth`;
    const page = await stack.newPage();
    await connectStep(page, id, c.label);
    // Pipedrive offers its API token besides Connect; Salesforce is Connect only.
    expect(await page.getByLabel('API token').count()).toBe(c.tokenField ? 1 : 0);

    const consent = await toConsent(page, c.base(), c.crmName);
    // PKCE where the CRM documents it (Salesforce), never where it does not (Pipedrive).
    expect(consent.searchParams.has('code_challenge')).toBe(c.pkce);
    expect(consent.searchParams.get('redirect_uri')).toBe(
      `${stack.base}/v1/oauth/${c.crm}/callback`,
    );
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.base));
    const refusal = page.locator('#oauth-error');
    await expect
      .poll(() => refusal.textContent())
      .toMatch(
        new RegExp(`^${c.crmName} refused access: the consent was denied \\(access_denied\\)`),
      );
    expect(page.url()).toContain(`#/new/${id}/connect`);
    // The page reads the project again after the redirect: "Loading…" until it has.
    await expect.poll(() => page.locator('.connected-to').textContent()).toBe('Not connected yet.');
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await stack.screenshot(page, `wizard-2-${c.crm}-denied`);
    const none = await api.GET('/v1/projects/{project}/connection', {
      params: { path: { project: id } },
    });
    expect(none.data ?? null).toBeNull();

    await toConsent(page, c.base(), c.crmName);
    await stack.screenshot(page, `wizard-2-${c.crm}-consent`);
    await page.getByRole('button', { name: 'Allow' }).click();
    await expect.poll(() => page.locator('.test-result').textContent()).toMatch(c.user);
    expect(await page.getByText('The CRM allowed access: connected.').isVisible()).toBe(true);
    expect(await page.locator('#oauth-error').count()).toBe(0);
    await expect.poll(() => page.locator('.connected-to').textContent()).toContain(c.base());
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(false);
    await stack.screenshot(page, `wizard-2-${c.crm}-connected`);

    // The test names the same user the CRM's own list has, and again on a second click.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.locator('.test-result').textContent()).toMatch(c.user);
    const doc = await api.GET('/v1/projects/{project}', { params: { path: { project: id } } });
    expect(doc.data?.connection?.baseUrl).toBe(c.base());
    // Connected but kept off until the wizard's last step.
    const status = await api.GET('/v1/projects/{project}/status', {
      params: { path: { project: id } },
    });
    expect(status.data?.integration.state).toBe('inactive');

    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => step(page)).toBe('Employees');
    await page.getByRole('button', { name: 'Add an employee' }).click();
    const names = await page.getByLabel('CRM user — e1').locator('option').allTextContents();
    expect(names.slice(1).sort()).toEqual(
      c.crm === 'salesforce' ? ['Marko Force', 'Sofia Force'] : ['Olena Top', 'Petro Manager'],
    );
    await page.close();
  });
});
