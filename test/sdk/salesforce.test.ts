import { Connection, type SaveResult } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';

// The Salesforce emulator driven by Salesforce's own JavaScript client, jsforce 3,
// configured as its docs say for any org: `instanceUrl` (the emulator's address),
// `oauth2.loginUrl` (its token endpoint's host) and a refresh token, so jsforce
// fetches an access token itself on its first 401. Nothing in jsforce is patched.

let emulator: Awaited<ReturnType<typeof startSalesforceEmulator>>;
let conn: Connection;
let ownerId = '';

beforeAll(async () => {
  emulator = await startSalesforceEmulator();
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
  const ids = (await (await fetch(`${emulator.baseUrl}/_emulator/ids`)).json()) as {
    users: Record<string, string>;
  };
  ownerId = ids.users['u2'] ?? '';
  const { loginUrl, credentials } = emulator.connection;
  conn = new Connection({
    oauth2: {
      loginUrl,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      redirectUri: 'http://localhost/callback',
    },
    instanceUrl: emulator.baseUrl,
    refreshToken: credentials.refreshToken,
    version: '59.0',
  });
});
afterAll(async () => {
  await emulator.close();
});

const saved = (result: SaveResult): string => {
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.id;
};

describe('jsforce 3 against the Salesforce emulator', () => {
  let contactId = '';
  let dealId = '';

  it('creates a contact with a local-format phone (the token comes from the refresh token)', async () => {
    contactId = saved(
      await conn.sobject('Contact').create({
        FirstName: 'Ivan',
        LastName: 'Franko',
        Phone: '067 123 4567',
        OwnerId: ownerId,
      }),
    );
    expect(contactId).toMatch(/^003/);
    expect(conn.accessToken).toBeTruthy();
  });

  it('finds it by phone with SOSL (conn.search) and with SOQL (sobject find)', async () => {
    const sosl = await conn.search(
      'FIND {0671234567} IN PHONE FIELDS RETURNING Contact(Id, Name, Phone), Lead(Id, Name, Phone)',
    );
    expect(sosl.searchRecords.map((record) => record['Id'])).toEqual([contactId]);
    const soql = await conn
      .sobject('Contact')
      .find({ Phone: '067 123 4567' }, ['Id', 'Name', 'OwnerId']);
    expect(soql).toEqual([
      expect.objectContaining({ Id: contactId, Name: 'Ivan Franko', OwnerId: ownerId }),
    ]);
  });

  it('creates an opportunity linked to it with an owner; its contact role is queryable', async () => {
    dealId = saved(
      await conn.sobject('Opportunity').create({
        Name: 'Call from 067 123 4567',
        StageName: 'Prospecting',
        CloseDate: '2026-12-31',
        OwnerId: ownerId,
        ContactId: contactId,
      }),
    );
    const roles = await conn.query<{ OpportunityId: string; IsPrimary: boolean }>(
      `SELECT Id, OpportunityId, ContactId, IsPrimary FROM OpportunityContactRole WHERE ContactId = '${contactId}'`,
    );
    expect(roles.records).toEqual([
      expect.objectContaining({ OpportunityId: dealId, IsPrimary: true }),
    ]);
    const extra = saved(
      await conn
        .sobject('OpportunityContactRole')
        .create({ OpportunityId: dealId, ContactId: contactId, Role: 'Decision Maker' }),
    );
    expect(extra).toMatch(/^00K/);
  });

  it('an open task and a done one, a note and a call log, linked to the contact and the deal', async () => {
    const common = { OwnerId: ownerId, WhoId: contactId, WhatId: dealId };
    saved(
      await conn.sobject('Task').create({
        ...common,
        Subject: 'Call the client back',
        ActivityDate: '2026-12-01',
        Status: 'Not Started',
      }),
    );
    saved(
      await conn.sobject('Task').create({
        ...common,
        Subject: 'Answer the call',
        ActivityDate: '2026-11-30',
        Status: 'Completed',
      }),
    );
    saved(
      await conn.sobject('Task').create({
        ...common,
        Subject: 'Incoming call',
        TaskSubtype: 'Call',
        CallType: 'Inbound',
        CallDurationInSeconds: 185,
        CallObject: 'k1',
        CallDisposition: 'answered',
        Status: 'Completed',
        Description: 'Recording: https://records.example/k1.mp3',
      }),
    );
    const noteId = saved(
      await conn.sobject('ContentNote').create({
        Title: 'Call summary',
        Content: Buffer.from('Wants a quote', 'utf8').toString('base64'),
      }),
    );
    for (const linked of [contactId, dealId])
      saved(
        await conn
          .sobject('ContentDocumentLink')
          .create({ ContentDocumentId: noteId, LinkedEntityId: linked, ShareType: 'V' }),
      );
  });

  it('reads them back', async () => {
    const tasks = await conn.query<{
      Subject: string;
      IsClosed: boolean;
      TaskSubtype: string;
      CallDurationInSeconds: number | null;
    }>(
      `SELECT Subject, Status, IsClosed, TaskSubtype, CallDurationInSeconds, OwnerId FROM Task WHERE WhatId = '${dealId}' ORDER BY CreatedDate`,
    );
    expect(
      tasks.records.map((t) => [t.Subject, t.IsClosed, t.TaskSubtype, t.CallDurationInSeconds]),
    ).toEqual([
      ['Call the client back', false, 'Task', null],
      ['Answer the call', true, 'Task', null],
      ['Incoming call', true, 'Call', 185],
    ]);
    const links = await conn.query<{ ContentDocumentId: string }>(
      `SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId = '${dealId}'`,
    );
    expect(links.totalSize).toBe(1);
    const note = (await conn
      .sobject('ContentNote')
      .retrieve(links.records[0]?.ContentDocumentId ?? '')) as unknown as {
      Title: string;
      TextPreview: string;
    };
    expect(note).toMatchObject({ Title: 'Call summary', TextPreview: 'Wants a quote' });
    const deal = (await conn.sobject('Opportunity').retrieve(dealId)) as unknown as {
      OwnerId: string;
      ContactId: string;
      IsClosed: boolean;
    };
    expect(deal).toMatchObject({ OwnerId: ownerId, ContactId: contactId, IsClosed: false });
    const roles = await conn.sobject('OpportunityContactRole').find({ OpportunityId: dealId });
    expect(roles).toHaveLength(2);
  });
});
