import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../api-client/index.js';
import { pipedriveProject, signIn, type WebStack, useWebStack } from './harness.js';

// The admin web app in Debian's chromium against a real `serve` and the Pipedrive emulator:
// each step asserts on what the page shows.

let stack: WebStack;
let api: ApiClient;

useWebStack((started) => {
  stack = started;
  api = createApiClient({ baseUrl: stack.base, key: stack.adminKey });
});

const putPipedriveProject = (id: string) => pipedriveProject(stack, id);

describe('the admin web app', () => {
  it('is served at / with its assets, same origin as /v1, and nothing from elsewhere', async () => {
    const page = await fetch(`${stack.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${stack.base}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${stack.base}/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('refuses a wrong key in words next to the field, then signs in and lists the projects with their health', async () => {
    await putPipedriveProject('acme');
    const page = await stack.newPage();
    await stack.screenshot(page, 'sign-in');
    await signIn(page, 'cmo_wrong-key');
    await expect.poll(() => page.locator('#key-error').textContent()).toMatch(/unauthori[sz]ed/i);

    await signIn(page, stack.adminKey);
    const row = page.locator('tr[data-project="acme"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('pipedrive');
    expect(await row.locator('.badge').textContent()).toBe('active');
    await stack.screenshot(page, 'projects');

    await row.getByRole('link', { name: 'acme' }).click();
    await page.getByRole('heading', { name: /acme/ }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('active');
    await page.locator('.chart svg').waitFor();
    expect(await page.locator('.chart .legend').textContent()).toContain('applied: 0');
    await stack.screenshot(page, 'project-overview');

    // The key lives in this tab only; sign-out forgets it.
    expect(await page.evaluate(() => sessionStorage.getItem('callmatrix.session'))).toContain(
      stack.adminKey,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('callmatrix.session'))).toBeNull();
    await page.close();
  });

  it('signs a project key in to its one project, and speaks Ukrainian', async () => {
    await putPipedriveProject('beta');
    const { data } = await api.POST('/v1/projects/{project}/keys', {
      params: { path: { project: 'beta' } },
    });
    const page = await stack.newPage(390, 844);
    await page.getByLabel('Language').selectOption('uk');
    await page.getByLabel('API-ключ').fill(data!.key);
    await page.getByRole('button', { name: 'Увійти' }).click();
    await expect
      .poll(() => page.locator('#project-error').textContent())
      .toContain('Ключ проєкту бачить один проєкт');
    await page.getByLabel('Проєкт (лише для ключа проєкту)').fill('beta');
    await page.getByRole('button', { name: 'Увійти' }).click();
    await page.getByRole('heading', { name: /beta/ }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('активна');
    await stack.screenshot(page, 'project-phone-uk');
    await page.close();
  });
});
