import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../api-client/index.js';
import {
  pipedriveProject,
  seedEmulator,
  signIn,
  postEvents,
  type WebStack,
  useWebStack,
} from './harness.js';

// The new-project wizard in chromium against a real `serve`, the Pipedrive emulator and the Zoho
// emulator: a Pipedrive project connected with an API token, a Zoho project connected through
// the emulator's own consent page (OAuth authorization code), employees picked from the CRM's
// users, the default matrix, activation. Each step asserts on what the page shows.

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
    await seedEmulator(stack.zoho!.baseUrl, {
      users: [
        { id: 'z1', name: 'Iryna Zoho' },
        { id: 'z2', name: 'Taras Zoho' },
      ],
    });
  },
  { zoho: true },
);

async function startWizard(page: Page, id: string, crm: string): Promise<void> {
  await signIn(page, stack.adminKey);
  await page.getByRole('link', { name: 'New project' }).click();
  await page.getByRole('heading', { name: 'New project' }).waitFor();
  await page.getByLabel(crm, { exact: true }).check();
  await page.getByLabel('Project id (lower-case letters, digits and -)').fill(id);
  await page.getByLabel('Time zone (IANA, e.g. Europe/Kyiv)').fill('Europe/Kyiv');
  await page.getByLabel('Default country of phone numbers (two letters, e.g. UA)').fill('UA');
}

const step = (page: Page) => page.locator('.steps [aria-current="step"]').textContent();

describe('the new-project wizard', () => {
  it('creates a Pipedrive project with an API token: refusals shown at their field, the token tested, employees from the CRM, the default matrix, activation', async () => {
    const page = await stack.newPage();
    await startWizard(page, 'pd wizard', 'Pipedrive');
    await page.getByRole('button', { name: 'Create the project' }).click();
    // The API's refusal of the id, in words, next to the field.
    await expect.poll(() => page.locator('#project-id-error').textContent()).toMatch(/project id/i);
    await stack.screenshot(page, 'wizard-1-crm');
    await page.getByLabel('Project id (lower-case letters, digits and -)').fill('pd-wizard');
    expect(await page.locator('#project-id-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Create the project' }).click();

    await expect.poll(() => step(page)).toBe('Connect');
    await expect.poll(() => page.locator('.connected-to').textContent()).toBe('Not connected yet.');
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    // A host outside the CRM's own domains is refused, next to the address field.
    await page.getByLabel('CRM address').fill('https://crm.example.org');
    await page.getByLabel('API token').fill('wrong-token');
    await page.getByRole('button', { name: 'Save the connection' }).click();
    await expect.poll(() => page.locator('#crm-address-error').textContent()).toMatch(/host/i);
    await expect.poll(() => page.locator('.connected-to').textContent()).toBe('Not connected yet.');

    // A token the CRM does not know: saved, and "Test connection" shows the CRM's refusal.
    await page.getByLabel('CRM address').fill(stack.pipedrive.connection.baseUrl);
    await page.getByRole('button', { name: 'Save the connection' }).click();
    await expect
      .poll(() => page.locator('.test-result').textContent())
      .toMatch(/^The CRM refused: /);

    await page.getByLabel('API token').fill(stack.pipedrive.connection.credentials.apiToken);
    await page.getByRole('button', { name: 'Save the connection' }).click();
    await expect
      .poll(() => page.locator('.test-result').textContent())
      .toBe('Works: acting as Olena Top (1@example.com)');
    await stack.screenshot(page, 'wizard-2-connect-token');
    // Connected, but kept off until the wizard's last step.
    const status = await api.GET('/v1/projects/{project}/status', {
      params: { path: { project: 'pd-wizard' } },
    });
    expect(status.data?.integration.state).toBe('inactive');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect.poll(() => step(page)).toBe('Employees');
    await page.getByRole('button', { name: 'Add an employee' }).click();
    const picker = page.getByLabel('CRM user — e1');
    expect(await picker.locator('option').allTextContents()).toEqual([
      '— none —',
      'Olena Top',
      'Petro Manager',
    ]);
    await picker.selectOption({ label: 'Olena Top' });
    // The CRM user's name becomes the employee's name.
    await page.getByLabel('Extension — Olena Top').fill('100');
    await page.getByLabel('Top manager — Olena Top').check();
    await page.getByRole('button', { name: 'Add every CRM user not listed (1)' }).click();
    await page.getByLabel('Extension — Petro Manager').fill('101');
    await page.getByLabel('SIP logins — Petro Manager').fill('petro, petro-mobile');
    await stack.screenshot(page, 'wizard-3-employees');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect.poll(() => step(page)).toBe('Matrix');
    await page.locator('table.matrix').waitFor();
    expect(
      await page.getByRole('checkbox', { name: 'Missed: Deal', exact: true }).isChecked(),
    ).toBe(true);
    expect(await page.getByText('The CRM’s default, unchanged').isVisible()).toBe(true);
    await stack.screenshot(page, 'wizard-4-matrix');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect.poll(() => step(page)).toBe('Activate');
    const summary = page.locator('.summary');
    await expect.poll(() => summary.textContent()).toContain('Olena Top, Petro Manager');
    expect(await summary.locator('.badge').textContent()).toBe('inactive');
    await expect
      .poll(() => page.locator('.resend-preview').textContent())
      .toBe('Events waiting that activation would send: 0');
    await stack.screenshot(page, 'wizard-5-activate');
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('heading', { name: /pd-wizard/ }).waitFor();
    await expect.poll(() => page.locator('.facts .badge').textContent()).toBe('active');

    const employees = await api.GET('/v1/projects/{project}/employees', {
      params: { path: { project: 'pd-wizard' } },
    });
    expect(employees.data).toEqual([
      expect.objectContaining({
        name: 'Olena Top',
        crmUserId: '1',
        extension: '100',
        topManager: true,
      }),
      expect.objectContaining({
        name: 'Petro Manager',
        crmUserId: '2',
        extension: '101',
        sipLogins: ['petro', 'petro-mobile'],
      }),
    ]);
    await page.close();
  });

  it("connects a Zoho project through the emulator's consent page: Deny is shown as the CRM's refusal, Allow connects and the test names the user", async () => {
    const page = await stack.newPage();
    await startWizard(page, 'zoho-wizard', 'Zoho CRM');
    await page.getByRole('button', { name: 'Create the project' }).click();
    await expect.poll(() => step(page)).toBe('Connect');
    // Zoho has no API-token field: its connection is OAuth only.
    expect(await page.getByLabel('API token').count()).toBe(0);

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.zoho!.baseUrl));
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect
      .poll(() => page.locator('#oauth-error').textContent())
      .toBe('Zoho refused access: the consent was denied (access_denied)');
    expect(page.url()).toContain('#/new/zoho-wizard/connect');

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.zoho!.baseUrl));
    await stack.screenshot(page, 'wizard-2-zoho-consent');
    await page.getByRole('button', { name: 'Allow' }).click();
    await expect
      .poll(() => page.locator('.test-result').textContent())
      .toMatch(/^Works: acting as Iryna Zoho \(iryna\.zoho\.\w+@example\.com\)$/);
    expect(await page.getByText('The CRM allowed access: connected.').isVisible()).toBe(true);
    await expect
      .poll(() => page.locator('.connected-to').textContent())
      .toContain(stack.zoho!.baseUrl);
    await stack.screenshot(page, 'wizard-2-connect-oauth');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect.poll(() => step(page)).toBe('Employees');
    await page.getByRole('button', { name: 'Add an employee' }).click();
    const picker = page.getByLabel('CRM user — e1');
    expect(await picker.locator('option').allTextContents()).toEqual([
      '— none —',
      'Iryna Zoho',
      'Taras Zoho',
    ]);
    await picker.selectOption({ label: 'Taras Zoho' });
    await page.getByLabel('Extension — Taras Zoho').fill('200');
    await page.getByRole('button', { name: 'Next' }).click();
    // The API's refusal, in words, and nothing stored.
    await expect
      .poll(() => page.locator('.employees .error').textContent())
      .toContain('exactly one employee must be the top manager');
    await page.getByLabel('Top manager — Taras Zoho').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => step(page)).toBe('Matrix');

    const doc = await api.GET('/v1/projects/{project}', {
      params: { path: { project: 'zoho-wizard' } },
    });
    expect(doc.data?.connection?.baseUrl).toBe(stack.zoho!.baseUrl);
    const users = await api.GET('/v1/projects/{project}/crm/users', {
      params: { path: { project: 'zoho-wizard' } },
    });
    const taras = users.data?.users.find((user) => user.name === 'Taras Zoho');
    expect(doc.data?.employees).toEqual([
      expect.objectContaining({ name: 'Taras Zoho', crmUserId: taras?.id, extension: '200' }),
    ]);
    await page.close();
  });
});

describe('the employees tab', () => {
  it('flags an employee whose CRM user is gone and an extension on recent calls that is no employee, with one click to add it', async () => {
    await pipedriveProject(stack, 'staff');
    const path = { params: { path: { project: 'staff' } } };
    await api.PUT('/v1/projects/{project}/employees', {
      ...path,
      body: [
        { id: 'e1', name: 'Olena Top', crmUserId: '1', extension: '100', topManager: true },
        { id: 'e2', name: 'Petro Manager', crmUserId: '2', extension: '101' },
      ] as never,
    });
    // Petro leaves the CRM; Nadia joins it.
    await seedEmulator(stack.pipedrive.baseUrl, {
      users: [
        { id: '1', name: 'Olena Top' },
        { id: '3', name: 'Nadia New' },
      ],
    });
    // A call answered on extension 105, which no employee has.
    const at = new Date(Date.now() - 120_000).toISOString();
    const posted = await postEvents(stack, 'staff', [
      {
        eventId: 'u-1',
        type: 'call.started',
        at,
        callId: 'u',
        direction: 'incoming',
        from: '+380671112233',
        to: '+380440000000',
      },
      { eventId: 'u-2', type: 'call.answered', at, callId: 'u', employee: { extension: '105' } },
    ]);
    expect(posted.status).toBe(202);

    const page = await stack.newPage(1280, 900);
    await signIn(page, stack.adminKey);
    await page.locator('tr[data-project="staff"]').waitFor();
    await page.goto(`${stack.base}/#/projects/staff/employees`);
    await page.getByRole('heading', { name: 'Employees' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    const petro = page.locator('tr[data-employee="e2"]');
    await expect
      .poll(() => petro.locator('.warn-text').textContent())
      .toBe('CRM user 2 no longer exists in the CRM: pick another.');
    expect(await page.locator('tr[data-employee="e1"] .warn-text').count()).toBe(0);
    const unknown = page.locator('[data-reference="Extension 105"]');
    await expect.poll(() => unknown.textContent()).toMatch(/Extension 105\s*calls: 1, the last /);
    await stack.screenshot(page, 'employees-tab');

    await unknown.getByRole('button', { name: 'Add as an employee: Extension 105' }).click();
    expect(await page.getByLabel('Extension — Extension 105').inputValue()).toBe('105');
    expect(await unknown.count()).toBe(0);
    await page.getByLabel('Name — Extension 105').fill('Reception');
    await page.getByLabel('CRM user — Petro Manager').selectOption({ label: 'Nadia New' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.card > [role=status].ok').textContent()).toBe('Saved');
    expect(await page.locator('.warn-text').count()).toBe(0);
    await expect
      .poll(() => page.locator('.unknown-refs').textContent())
      .toContain('Every extension and SIP login on recent calls belongs to an employee.');
    await stack.screenshot(page, 'employees-tab-saved');

    const employees = await api.GET('/v1/projects/{project}/employees', path);
    expect(employees.data).toEqual([
      expect.objectContaining({ id: 'e1', crmUserId: '1' }),
      expect.objectContaining({ id: 'e2', name: 'Petro Manager', crmUserId: '3' }),
      expect.objectContaining({ id: 'e3', name: 'Reception', extension: '105' }),
    ]);
    await page.close();
  });
});
