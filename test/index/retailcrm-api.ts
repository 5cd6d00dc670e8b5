import { expect } from 'vitest';
import type { RetailcrmEmulator } from '../../emulators/retailcrm/index.js';

/** A change made in retailCRM directly (not by the service): a form POST with the account's key, each field JSON. */
export async function retailcrmPost(emu: RetailcrmEmulator, path: string, fields: Record<string, unknown>): Promise<void> {
  const body = new URLSearchParams(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, JSON.stringify(v)])));
  const response = await fetch(`${emu.baseUrl}${path}`, { method: 'POST', headers: { 'X-API-KEY': emu.connection.credentials.apiKey, 'content-type': 'application/x-www-form-urlencoded' }, body });
  expect(response.status).toBeLessThan(300);
}
