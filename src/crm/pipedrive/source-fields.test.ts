import { v1, v2 } from 'pipedrive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPipedriveEmulator,
  type PipedriveEmulator,
} from '../../../emulators/pipedrive/index.js';
import type { Operation } from '../../domain/plan.js';
import type { Snapshot } from '../../domain/snapshot.js';
import { execute } from '../../pipeline/execute.js';
import { fitTexts } from '../capabilities.js';
import { createPipedriveAdapter } from './adapter.js';

// Issue 14 item 4: deals' and leads' Source channel (`channel`, an option id) and Source channel
// ID (`channel_id`, text) as field-map targets, against the emulator over real HTTP. The map
// names the channel by its label; the adapter writes the option's id; a label that is no option
// is left out at write time with a journal note, the record still written. Pipedrive's own
// client library reads and writes the same fields.

let emu: PipedriveEmulator;
const options = { texts: fitTexts('en'), defaultCountry: 'UA', timezone: 'Europe/Kyiv' };

beforeAll(async () => {
  emu = await startPipedriveEmulator({ burstPer2s: 100_000 });
  const seeded = await fetch(`${emu.baseUrl}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ users: [{ id: 'u1', name: 'Olena' }], contacts: [] }),
  });
  expect(seeded.status).toBe(204);
});
afterAll(async () => {
  await emu.close();
});

const snapshot = async (): Promise<Snapshot> =>
  (await (await fetch(`${emu.baseUrl}/_emulator/snapshot`)).json()) as Snapshot;

function createDeal(key: string, fields: Record<string, string>): Operation {
  return {
    key,
    op: 'create_deal',
    record: { contactId: null, organizationId: null, ownerId: null, status: 'open', fields },
  };
}

describe('Pipedrive Source channel as a field-map target (issue 14 item 4)', () => {
  it('dealFields lists channel with its options; the catalogue names it a picklist of labels, origin no target', async () => {
    const adapter = createPipedriveAdapter(emu.connection, options);
    const listed = await adapter.listFields('deal');
    if (!listed.ok) throw listed.error;
    const byName = new Map(listed.value.map((field) => [field.name, field]));
    expect(byName.get('channel')).toMatchObject({ type: 'picklist', label: 'Source channel' });
    expect(byName.get('channel')?.values).toEqual(
      expect.arrayContaining(['Campaigns', 'Live chat', 'Web forms']),
    );
    expect(byName.get('channel_id')?.type).toBe('string');
    expect(byName.get('origin')?.type).toBe('other');
    expect(byName.get('origin_id')?.type).toBe('other');
  });

  it('a label is written as its option id; a value that is no option is left out with a note, the deal still written', async () => {
    const adapter = createPipedriveAdapter(emu.connection, options);
    const record = (): Promise<void> => Promise.resolve();
    const done = await execute(
      [
        createDeal('s1#deal', { channel: 'Campaigns', channel_id: 'winter' }),
        createDeal('s2#deal', { channel: 'Google Ads', channel_id: 'spring' }),
      ],
      adapter,
      new Map(),
      record,
    );
    if (!done.ok) throw new Error(JSON.stringify(done));
    expect(done.operations.map((operation) => operation.notes)).toEqual([
      undefined,
      [
        'channel: "Google Ads" is not a value of the CRM\'s picklist; the field was left out of the record',
      ],
    ]);
    const deals = (await snapshot()).deals;
    expect(deals.map((deal) => deal.fields)).toEqual([
      { channel: 'Campaigns', channel_id: 'winter' },
      { channel_id: 'spring' },
    ]);
    const stored = (await (
      await fetch(`${emu.baseUrl}/api/v2/deals/${done.operations[0]?.id}`, {
        headers: { 'x-api-token': emu.connection.credentials.apiToken },
      })
    ).json()) as { data: Record<string, unknown> };
    expect(stored.data).toMatchObject({ channel: 70, channel_id: 'winter', origin: 'API' });
  });

  it('a lead takes the channel the same way (leads share the deal fields)', async () => {
    const adapter = createPipedriveAdapter(emu.connection, options);
    const contact = await adapter.apply({
      key: 's3#contact',
      op: 'create_contact',
      record: { name: 'Ivan', phones: ['+380501112233'], ownerId: null, organizationId: null },
    });
    if (!contact.ok) throw contact.error;
    const lead = await adapter.apply({
      key: 's3#lead',
      op: 'create_lead',
      record: {
        name: 'Ivan',
        phones: [],
        contactId: contact.value,
        ownerId: null,
        status: 'open',
        fields: { channel: 'Live chat' },
      },
    });
    if (!lead.ok) throw lead.error;
    expect((await snapshot()).leads.map((entry) => entry.fields)).toEqual([
      { channel: 'Live chat' },
    ]);
  });

  it("Pipedrive's own client reads the option id back, and the emulator refuses an id that is no option", async () => {
    const apiKey = emu.connection.credentials.apiToken;
    const deals = new v2.DealsApi(
      new v2.Configuration({ apiKey, basePath: `${emu.baseUrl}/api/v2` }),
    );
    const fields = new v1.DealFieldsApi(
      new v1.Configuration({ apiKey, basePath: `${emu.baseUrl}/api/v1` }),
    );
    const channel = (await fields.getDealFields()).data?.find((field) => field.key === 'channel');
    const options = (channel?.options ?? []) as Array<{ id: unknown; label: string }>;
    expect(options.find((option) => option.label === 'Web forms')?.id).toBe(66);
    const listed = await deals.getDeals();
    expect(listed.data?.map((deal) => deal.channel)).toEqual([70, null]);
    // The client's AddDealRequest model has no channel member; the body is sent as given.
    const created = await deals.addDeal({
      AddDealRequest: { title: 'Web deal', channel: 66 } as v2.AddDealRequest,
    });
    expect(created.data?.channel).toBe(66);
    await expect(
      deals.addDeal({ AddDealRequest: { title: 'Bad', channel: 999 } as v2.AddDealRequest }),
    ).rejects.toMatchObject({
      success: false,
      error: 'channel: 999 is not an option of the Source channel field',
    });
  });
});
