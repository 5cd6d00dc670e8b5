import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipedriveEmulator, type PipedriveEmulator } from './index.js';

// scenario-format.md §4: a deal's `pipeline` is its pipeline's name whenever the
// CRM has pipelines, the default pipeline included.

let emu: PipedriveEmulator;
const control = (path: string, method: string, body?: unknown): Promise<Response> =>
  fetch(`${emu.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  emu = await startPipedriveEmulator({ burstPer2s: 100_000 });
});
afterAll(async () => {
  await emu.close();
});

describe('Pipedrive emulator snapshot: deal pipelines', () => {
  it('names the default pipeline of a seeded deal and of one created over the API', async () => {
    expect(
      (
        await control('/_emulator/state', 'PUT', {
          users: [{ id: 'u1', name: 'Olena' }],
          deals: [
            { id: 'd1', name: 'Seeded, no pipeline', ownerId: 'u1', status: 'open' },
            { id: 'd2', name: 'Seeded in Ads', ownerId: 'u1', status: 'open', pipeline: 'Ads' },
          ],
        })
      ).status,
    ).toBe(204);
    const created = await fetch(`${emu.baseUrl}/api/v2/deals`, {
      method: 'POST',
      headers: {
        'x-api-token': emu.connection.credentials.apiToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'Created without pipeline_id' }),
    });
    expect(created.status).toBe(200);
    const snapshot = (await (await control('/_emulator/snapshot', 'GET')).json()) as {
      deals: Array<{ name: string; pipeline?: string }>;
    };
    expect(snapshot.deals.map((d) => [d.name, d.pipeline])).toEqual([
      ['Seeded, no pipeline', 'Pipeline'],
      ['Seeded in Ads', 'Ads'],
      ['Created without pipeline_id', 'Pipeline'],
    ]);
  });
});
