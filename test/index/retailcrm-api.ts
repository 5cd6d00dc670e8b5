import { expect } from 'vitest';
import { startRetailcrmEmulator, type RetailcrmEmulator } from '../../emulators/retailcrm/index.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { createRetailcrmAdapter } from '../../src/crm/retailcrm/adapter.js';
import { IndexSync } from '../../src/worker/index-sync.js';
import { CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';
import { seedEmulator } from './seed.js';

// The retailCRM index tests' set-up: the emulator seeded, a project, the real
// adapter and an IndexSync over it; and changes made in the CRM directly.

export const UA = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };

export interface RetailcrmIndex {
  readonly emu: RetailcrmEmulator;
  readonly h: IndexHarness;
  readonly sync: IndexSync;
  readonly native: (kind: string, neutral: string) => string;
  /** A change made in retailCRM directly (not by the service): a form POST with the account's key, each field JSON. */
  readonly post: (path: string, fields: Record<string, unknown>) => Promise<void>;
  close(): Promise<void>;
}

export async function retailcrmIndex(state: object): Promise<RetailcrmIndex> {
  const emu = await startRetailcrmEmulator({ ratePerSec: 100_000, timezone: UA.timezone });
  const native = await seedEmulator(emu.baseUrl, state, `?timezone=${UA.timezone}`);
  const h = await indexHarness();
  await h.addProject('acme', 'retailcrm', {
    project: UA,
    employees: EMPLOYEES,
    connection: { kind: 'memory', state: CRM_STATE },
  });
  const port = createRetailcrmAdapter(emu.connection, {
    texts: fitTexts('en'),
    defaultCountry: 'UA',
    timezone: UA.timezone,
    ratePerSec: 100_000,
  });
  const sync = new IndexSync({
    store: h.store,
    projects: { get: async (id) => h.view(id) },
    ports: () => port,
    intervalSec: 300,
  });
  return {
    emu,
    h,
    sync,
    native,
    async post(path, fields) {
      const body = new URLSearchParams(
        Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, JSON.stringify(v)])),
      );
      const response = await fetch(`${emu.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'X-API-KEY': emu.connection.credentials.apiKey,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
      expect(response.status).toBeLessThan(300);
    },
    async close() {
      await h.close();
      await emu.close();
    },
  };
}
