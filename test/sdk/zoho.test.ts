import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Zoho from '@zohocrm/nodejs-sdk-8.0';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from '../../emulators/zoho/index.js';

// The Zoho CRM emulator driven by Zoho's own Node SDK for API v8
// (`@zohocrm/nodejs-sdk-8.0`), configured as its README says for any domain:
// `DataCenter.setEnvironment(apiUrl, accountsUrl, fileUploadUrl)`, an OAuth
// refresh token (the SDK fetches the access token itself, as multipart form
// data), a FileStore for its tokens and a resource path for its field caches,
// both in a temporary folder. Nothing in the SDK is patched. The SDK keeps one
// initialised instance per process, so the whole suite is this one file.

let emulator: ZohoEmulator;
let dir = '';
let ownerId = 0n;

beforeAll(async () => {
  emulator = await startZohoEmulator();
  const seeded = await fetch(`${emulator.baseUrl}/_emulator/state`, {
    method: 'PUT',
    body: JSON.stringify({
      users: [
        { id: 'u1', name: 'Olena Top' },
        { id: 'u2', name: 'Petro Manager' },
      ],
    }),
  });
  expect(seeded.status).toBe(204);
  const ids = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as {
    users: Record<string, string>;
  };
  ownerId = BigInt(ids.users['u2'] ?? '0');
  dir = mkdtempSync(join(tmpdir(), 'callmatrix-zoho-sdk-'));
  const { baseUrl, accountsUrl, credentials } = emulator.connection;
  const environment = Zoho.DataCenter.setEnvironment(
    baseUrl,
    `${accountsUrl}/oauth/v2/token`,
    baseUrl,
  );
  const token = new Zoho.OAuthBuilder()
    .clientId(credentials.clientId)
    .clientSecret(credentials.clientSecret)
    .refreshToken(credentials.refreshToken)
    .build();
  await (
    await new Zoho.InitializeBuilder()
  )
    .environment(environment)
    .token(token)
    .store(new Zoho.FileStore(join(dir, 'sdk_tokens.txt')))
    .resourcePath(dir)
    .initialize();
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

const ref = (id: bigint): Zoho.Record.Record => {
  const record = new Zoho.Record.Record();
  record.setId(id);
  return record;
};
const owner = (): Zoho.Users.MinifiedUser => {
  const user = new Zoho.Users.MinifiedUser();
  user.setId(ownerId);
  return user;
};

/** createRecords with one record; the SDK's own answer classes say whether it worked. */
async function create(module: string, values: Record<string, unknown>): Promise<bigint> {
  const record = new Zoho.Record.Record();
  for (const [apiName, value] of Object.entries(values)) record.addKeyValue(apiName, value);
  const body = new Zoho.Record.BodyWrapper();
  body.setData([record]);
  const response = await new Zoho.Record.RecordOperations(module).createRecords(
    body,
    new Zoho.HeaderMap(),
  );
  const answer = response.getObject();
  if (!(answer instanceof Zoho.Record.ActionWrapper))
    throw new Error(`${module}: ${response.getStatusCode()} ${explain(answer)}`);
  const [first] = answer.getData();
  if (!(first instanceof Zoho.Record.SuccessResponse))
    throw new Error(`${module}: ${explain(first)}`);
  expect(first.getCode().getValue()).toBe('SUCCESS');
  return BigInt(String(first.getDetails().get('id')));
}

async function search(module: string, by: 'PHONE' | 'CRITERIA', value: string) {
  const params = new Zoho.ParameterMap();
  await params.add(Zoho.Record.SearchRecordsParam[by], value);
  const response = await new Zoho.Record.RecordOperations(module).searchRecords(
    params,
    new Zoho.HeaderMap(),
  );
  if (response.getStatusCode() === 204) return [];
  const answer = response.getObject();
  if (!(answer instanceof Zoho.Record.ResponseWrapper))
    throw new Error(`${module} search: ${explain(answer)}`);
  return answer.getData();
}

async function read(module: string, id: bigint): Promise<Zoho.Record.Record> {
  const response = await new Zoho.Record.RecordOperations(module).getRecord(id);
  const answer = response.getObject();
  if (!(answer instanceof Zoho.Record.ResponseWrapper))
    throw new Error(`${module} ${id}: ${explain(answer)}`);
  const [record] = answer.getData();
  if (!record) throw new Error(`${module} ${id}: no record`);
  return record;
}

function explain(answer: unknown): string {
  if (answer instanceof Zoho.Record.APIException)
    return `${answer.getCode().getValue()} ${answer.getMessage().getValue()} ${JSON.stringify([...answer.getDetails()])}`;
  return String(answer);
}

const idOf = (value: unknown): bigint | null =>
  value instanceof Zoho.Record.Record || value instanceof Zoho.Users.MinifiedUser
    ? value.getId()
    : null;
const choice = (value: unknown): unknown =>
  value instanceof Zoho.Choice ? (value.getValue() as unknown) : value;

describe('Zoho Node SDK 8.0 against the Zoho emulator', () => {
  let contactId = 0n;
  let dealId = 0n;
  const taskIds: bigint[] = [];
  let callId = 0n;
  let noteId = 0n;

  it('creates a contact with a local-format phone and an owner (token from the refresh token)', async () => {
    contactId = await create('Contacts', {
      First_Name: 'Ivan',
      Last_Name: 'Franko',
      Phone: '067 123 4567',
      Owner: owner(),
    });
    expect(contactId).toBeGreaterThan(0n);
  });

  it('finds it by phone: the phone search and a criteria with equals', async () => {
    for (const [by, value] of [
      ['PHONE', '067 123 4567'],
      ['PHONE', '0671234567'],
      ['CRITERIA', '(Phone:equals:0671234567)'],
      ['CRITERIA', '(Phone:equals:1234567)'],
    ] as const) {
      const found = await search('Contacts', by, value);
      expect(
        found.map((record) => record.getId()),
        `${by} ${value}`,
      ).toEqual([contactId]);
    }
    expect(await search('Contacts', 'PHONE', '0509999999')).toEqual([]);
  });

  it('creates a custom deal field through the fields API, then a deal linked to the contact with an owner', async () => {
    const field = new Zoho.Fields.Fields();
    field.setFieldLabel('Call Reason');
    field.setDataType('text');
    field.setLength(120);
    const fields = new Zoho.Fields.BodyWrapper();
    fields.setFields([field]);
    const params = new Zoho.ParameterMap();
    await params.add(Zoho.Fields.CreateFieldParam.MODULE, 'Deals');
    const created = await new Zoho.Fields.FieldsOperations().createField(fields, params);
    expect(created.getStatusCode()).toBe(201);
    const answer = created.getObject();
    expect(answer).toBeInstanceOf(Zoho.Fields.ActionWrapper);
    const [entry] = answer instanceof Zoho.Fields.ActionWrapper ? answer.getFields() : [];
    expect(entry instanceof Zoho.Fields.SuccessResponse && entry.getCode().getValue()).toBe(
      'SUCCESS',
    );

    dealId = await create('Deals', {
      Deal_Name: 'Call from 067 123 4567',
      Stage: new Zoho.Choice('Qualification'),
      Pipeline: new Zoho.Choice('Standard'),
      Contact_Name: ref(contactId),
      Owner: owner(),
      Call_Reason: 'Delivery',
    });
  });

  it('an open task and a done one, a call log and a note, on the deal (What_Id / Parent_Id with se_module)', async () => {
    for (const [subject, status] of [
      ['Call the client back', 'Not Started'],
      ['Answer the call', 'Completed'],
    ] as const) {
      taskIds.push(
        await create('Tasks', {
          Subject: subject,
          Status: new Zoho.Choice(status),
          Due_Date: new Date('2026-12-01T00:00:00Z'),
          Owner: owner(),
          Who_Id: ref(contactId),
          What_Id: ref(dealId),
          $se_module: 'Deals',
        }),
      );
    }
    callId = await create('Calls', {
      Subject: 'Incoming call',
      Call_Type: new Zoho.Choice('Inbound'),
      Call_Start_Time: new Date('2026-11-20T08:00:00Z'),
      Call_Duration: '03:05',
      Description: 'Recording: https://records.example/k1.mp3',
      Owner: owner(),
      Who_Id: ref(contactId),
      What_Id: ref(dealId),
      $se_module: 'Deals',
    });
    noteId = await create('Notes', {
      Note_Title: 'Call summary',
      Note_Content: 'Wants a quote',
      Parent_Id: ref(dealId),
      $se_module: 'Deals',
    });
  });

  it('reads them back', async () => {
    const deal = await read('Deals', dealId);
    expect(idOf(deal.getKeyValue('Contact_Name'))).toBe(contactId);
    expect(idOf(deal.getKeyValue('Owner'))).toBe(ownerId);
    expect(deal.getKeyValue('Call_Reason')).toBe('Delivery');
    expect(choice(deal.getKeyValue('Stage'))).toBe('Qualification');

    const tasks = await search('Tasks', 'CRITERIA', `(What_Id:equals:${dealId})`);
    expect(
      tasks.map((task) => [task.getKeyValue('Subject'), choice(task.getKeyValue('Status'))]),
    ).toEqual([
      ['Call the client back', 'Not Started'],
      ['Answer the call', 'Completed'],
    ]);
    expect(tasks.map((task) => task.getId())).toEqual(taskIds);
    for (const task of tasks) {
      expect(idOf(task.getKeyValue('Who_Id'))).toBe(contactId);
      expect(idOf(task.getKeyValue('Owner'))).toBe(ownerId);
    }

    const call = await read('Calls', callId);
    expect(call.getKeyValue('Subject')).toBe('Incoming call');
    expect(choice(call.getKeyValue('Call_Type'))).toBe('Inbound');
    expect(idOf(call.getKeyValue('What_Id'))).toBe(dealId);

    const note = await read('Notes', noteId);
    expect(note.getKeyValue('Note_Content')).toBe('Wants a quote');
    expect(idOf(note.getKeyValue('Parent_Id'))).toBe(dealId);
  });
});
