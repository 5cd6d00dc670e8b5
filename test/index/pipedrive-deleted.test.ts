import { afterEach, describe, expect, it } from 'vitest';
import { startPipedriveEmulator, type PipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { fitTexts } from '../../src/crm/capabilities.js';
import { createPipedriveAdapter } from '../../src/crm/pipedrive/adapter.js';
import { IndexSync } from '../../src/worker/index-sync.js';
import { CRM_STATE, EMPLOYEES } from '../service/events.js';
import { indexHarness, type IndexHarness } from './harness.js';
import { IVAN_AND_MARIA, seedEmulator } from './seed.js';

// G13 with the Pipedrive adapter against its emulator: a deal deleted in the
// CRM leaves the phone index on the next poll (Pipedrive lists deleted deals,
// `status=deleted`); a deleted person does not (no Pipedrive list shows deleted
// persons: src/crm/pipedrive/README.md).

const UA = { defaultCountry: 'UA', timezone: 'Europe/Kyiv' };
const PRIORITY = ['deals', 'leads', 'contacts'] as const;
let h: IndexHarness;
let emu: PipedriveEmulator;
afterEach(async () => {
  await h.close();
  await emu.close();
});

async function setUp(): Promise<{
  sync: IndexSync;
  native: (kind: string, neutral: string) => string;
  inCrm: (method: string, path: string) => Promise<void>;
}> {
  emu = await startPipedriveEmulator({ burstPer2s: 100_000 });
  const native = await seedEmulator(emu.baseUrl, IVAN_AND_MARIA);
  const inCrm = async (method: string, path: string): Promise<void> => {
    const response = await fetch(`${emu.baseUrl}${path}`, {
      method,
      headers: { 'x-api-token': emu.connection.credentials.apiToken },
    });
    expect(response.status).toBe(200);
  };

  h = await indexHarness();
  await h.addProject('acme', 'pipedrive', {
    project: UA,
    employees: EMPLOYEES,
    connection: { kind: 'memory', state: CRM_STATE },
  });
  const port = createPipedriveAdapter(emu.connection, {
    texts: fitTexts('en'),
    defaultCountry: 'UA',
    timezone: UA.timezone,
  });
  const sync = new IndexSync({
    store: h.store,
    projects: { get: async (id) => h.view(id) },
    ports: () => port,
    intervalSec: 300,
  });
  await sync.load('acme');
  return { sync, native, inCrm };
}

describe('phone index on Pipedrive: records deleted in the CRM (G13)', () => {
  it('G13: Pipedrive: a deal deleted in the CRM stops answering for its person’s phone after the next poll; the person’s owner answers', async () => {
    const { sync, native, inCrm } = await setUp();
    expect(await h.store.route('acme', '+380671234567', [...PRIORITY])).toEqual({
      entity: 'deals',
      recordId: native('deals', 'd1'),
      ownerUserId: native('users', 'u2'),
    });

    await inCrm('DELETE', `/api/v2/deals/${native('deals', 'd1')}`);
    await sync.poll('acme');
    expect(await h.store.route('acme', '+380671234567', ['deals'])).toBeNull();
    expect(await h.store.route('acme', '+380671234567', [...PRIORITY])).toEqual({
      entity: 'contacts',
      recordId: native('contacts', 'c1'),
      ownerUserId: native('users', 'u1'),
    });
  });

  it('G13 limitation: Pipedrive: a person deleted in the CRM keeps answering until the next activation (no list of deleted persons)', async () => {
    const { sync, native, inCrm } = await setUp();
    await inCrm('DELETE', `/api/v2/persons/${native('contacts', 'c2')}`);
    await sync.poll('acme');
    expect(await h.store.route('acme', '+380931112233', ['contacts'])).toEqual({
      entity: 'contacts',
      recordId: native('contacts', 'c2'),
      ownerUserId: native('users', 'u2'),
    });
    await sync.load('acme');
    expect(await h.store.route('acme', '+380931112233', ['contacts'])).toBeNull();
  });
});
