import { v1, v2 } from 'pipedrive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipedriveEmulator, type PipedriveEmulator } from '../../emulators/pipedrive/index.js';

// The Pipedrive emulator driven by Pipedrive's own Node SDK (the `pipedrive`
// package, v33), configured as its docs say: an API token (`apiKey`, sent as
// x-api-token) and `basePath`, the documented override of the API's address
// (`{baseUrl}/api/v2` and `{baseUrl}/api/v1`). Nothing in the SDK is patched.

let emulator: PipedriveEmulator;
let persons: v2.PersonsApi;
let deals: v2.DealsApi;
let activities: v2.ActivitiesApi;
let notes: v1.NotesApi;
let callLogs: v1.CallLogsApi;
let users: v1.UsersApi;

beforeAll(async () => {
  emulator = await startPipedriveEmulator({ burstPer2s: 100_000 });
  const seeded = await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      users: [
        { id: 'u1', name: 'Olena Top' },
        { id: 'u2', name: 'Petro Manager' },
      ],
    }),
  });
  expect(seeded.status).toBe(204);
  const apiKey = emulator.connection.credentials.apiToken;
  const config2 = new v2.Configuration({ apiKey, basePath: `${emulator.baseUrl}/api/v2` });
  const config1 = new v1.Configuration({ apiKey, basePath: `${emulator.baseUrl}/api/v1` });
  persons = new v2.PersonsApi(config2);
  deals = new v2.DealsApi(config2);
  activities = new v2.ActivitiesApi(config2);
  notes = new v1.NotesApi(config1);
  callLogs = new v1.CallLogsApi(config1);
  users = new v1.UsersApi(config1);
});
afterAll(async () => {
  await emulator.close();
});

describe('the official pipedrive SDK (v33) against the Pipedrive emulator', () => {
  let ownerId = 0;
  let personId = 0;
  let dealId = 0;
  const callLogIds: string[] = [];

  it('lists the users (v1) and creates a person with a local-format phone (v2)', async () => {
    const listed = await users.getUsers();
    const owner = listed.data?.find((user) => user.name === 'Petro Manager');
    expect(owner?.id).toBeTypeOf('number');
    ownerId = owner?.id ?? 0;
    const created = await persons.addPerson({
      AddPersonRequest: {
        name: 'Ivan Franko',
        owner_id: ownerId,
        phones: [{ value: '067 123 4567', primary: true, label: 'work' }],
      },
    });
    expect(created.success).toBe(true);
    personId = created.data?.id ?? 0;
    expect(created.data?.phones?.[0]?.value).toBe('067 123 4567');
  });

  it('finds the person by phone with persons/search, as stored and as digits', async () => {
    for (const term of ['067 123 4567', '0671234567']) {
      const found = await persons.searchPersons({ term, fields: 'phone', exact_match: true });
      expect(
        found.data?.items?.map((entry) => entry.item?.id),
        term,
      ).toEqual([personId]);
    }
    const none = await persons.searchPersons({ term: '0509999999', fields: 'phone' });
    expect(none.data?.items ?? []).toEqual([]);
  });

  it('creates a deal linked to the person with an owner', async () => {
    const created = await deals.addDeal({
      AddDealRequest: { title: 'Call from 067 123 4567', person_id: personId, owner_id: ownerId },
    });
    expect(created.success).toBe(true);
    dealId = created.data?.id ?? 0;
    expect(created.data).toMatchObject({ person_id: personId, owner_id: ownerId, status: 'open' });
  });

  it('an open task and a done one (activities), a note and a call log', async () => {
    for (const [subject, done] of [
      ['Call the client back', false],
      ['Answer the call', true],
    ] as const) {
      const activity = await activities.addActivity({
        AddActivityRequest: {
          subject,
          type: 'task',
          owner_id: ownerId,
          deal_id: dealId,
          participants: [{ person_id: personId, primary: true }],
          due_date: '2026-12-01',
          due_time: '10:00',
          done,
        },
      });
      expect(activity.success).toBe(true);
    }
    const note = await notes.addNote({
      AddNoteRequest: { content: 'Wants a quote', deal_id: dealId, person_id: personId },
    });
    expect(note.success).toBe(true);
    const log = await callLogs.addCallLog({
      AddCallLogRequest: {
        user_id: ownerId,
        subject: 'Incoming call',
        duration: '185',
        outcome: 'connected',
        from_phone_number: '+380671234567',
        to_phone_number: '+380441234567',
        start_time: '2026-11-20 08:00:00',
        end_time: '2026-11-20 08:03:05',
        person_id: personId,
        deal_id: dealId,
        note: 'Recording: https://records.example/k1.mp3',
      },
    });
    expect(log.success).toBe(true);
    callLogIds.push(log.data?.id ?? '');
  });

  it('reads them back', async () => {
    const deal = await deals.getDeal({ id: dealId });
    expect(deal.data).toMatchObject({ title: 'Call from 067 123 4567', person_id: personId });
    const open = await activities.getActivities({ deal_id: dealId, done: false });
    const done = await activities.getActivities({ deal_id: dealId, done: true });
    expect(open.data?.map((a) => a.subject)).toEqual(['Call the client back']);
    expect(done.data?.map((a) => a.subject)).toEqual(['Answer the call']);
    expect(open.data?.[0]).toMatchObject({ owner_id: ownerId, due_date: '2026-12-01' });
    const dealNotes = await notes.getNotes({ deal_id: dealId });
    expect(dealNotes.data?.map((n) => n.content)).toEqual(['Wants a quote']);
    const log = await callLogs.getCallLog({ id: callLogIds[0] ?? '' });
    expect(log.data).toMatchObject({
      outcome: 'connected',
      duration: '185',
      person_id: personId,
      deal_id: dealId,
    });
  });
});
