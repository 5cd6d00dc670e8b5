import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipedriveEmulator, type PipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';
import { startZohoEmulator, type ZohoEmulator } from '../../emulators/zoho/index.js';
import { PROFILES } from '../../src/engine/defaults/index.js';
import { registerAdminRoutes } from '../../src/service/admin/index.js';
import { ensureOperatorKey } from '../../src/service/auth/keys.js';
import { CrmRegistry } from '../../src/service/crm-registry.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { adminCaller } from '../index/admin-http.js';
import { seedEmulator } from '../index/seed.js';

// Issue 14 item 4 (extends G8): a CRM's source picklist (Zoho Lead_Source, Salesforce
// LeadSource) is a field-map target, and the values a value table writes into it are checked
// against the CRM's own picklist when the map is saved: a value outside it is refused with 422
// naming the field and the value, and nothing is saved. Real HTTP to each CRM's emulator, on the
// suite's store (SQLite, and PostgreSQL when the service suites run there).

const KEY = 'cmo_source-binding-operator-key-0123456789';
let zoho: ZohoEmulator;
let salesforce: Awaited<ReturnType<typeof startSalesforceEmulator>>;
let pipedrive: PipedriveEmulator;
let pipedriveUser = '';
let app: FastifyInstance;
let opened: TestStore;
let base = '';
let zohoUser = '';
let salesforceUser = '';

beforeAll(async () => {
  zoho = await startZohoEmulator();
  salesforce = await startSalesforceEmulator();
  pipedrive = await startPipedriveEmulator({ burstPer2s: 100_000 });
  const users = { users: [{ id: 'u1', name: 'Olena Top' }] };
  zohoUser = (await seedEmulator(zoho.baseUrl, users))('users', 'u1');
  salesforceUser = (await seedEmulator(salesforce.baseUrl, users))('users', 'u1');
  pipedriveUser = (await seedEmulator(pipedrive.baseUrl, users))('users', 'u1');
  opened = await openTestStore('source');
  await ensureOperatorKey(opened.store, KEY, new Date());
  const registry = new CrmRegistry(['127.0.0.1']);
  app = Fastify({ logger: false });
  registerAdminRoutes(app, {
    store: opened.store,
    secretBox: SecretBox.fromBase64(generateSecretKey()),
    allowCrmHosts: ['127.0.0.1'],
    crmPort: (project) => registry.portFor(project),
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}, 30_000);
afterAll(async () => {
  await app.close();
  await opened.close();
  await zoho.close();
  await salesforce.close();
  await pipedrive.close();
});

const call = adminCaller(() => base, KEY);
type Problems = Array<{ path: string; message: string }>;

function zohoDocument(project: Record<string, unknown>) {
  return {
    crm: 'zoho',
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv', ...project },
    employees: [
      { id: 'e1', name: 'Olena', crmUserId: zohoUser, extension: '100', topManager: true },
    ],
    connection: zoho.connection,
  };
}

describe('source binding on save (issue 14 item 4): Zoho Lead_Source', () => {
  it('…/crm/fields lists Lead_Source as a picklist with its values, on leads, contacts and deals', async () => {
    expect((await call('PUT', '/v1/projects/zoho1', zohoDocument({}))).status).toBe(201);
    for (const entity of ['lead', 'contact', 'deal']) {
      const { status, json } = await call('GET', `/v1/projects/zoho1/crm/fields?entity=${entity}`);
      expect(status).toBe(200);
      const field = (
        json['fields'] as Array<{ name: string; type: string; values?: string[] }>
      ).find((candidate) => candidate.name === 'Lead_Source');
      expect(field?.type).toBe('picklist');
      expect(field?.values).toContain('Advertisement');
    }
  });

  it('a value table writing a value the picklist lacks: 422 naming the field and the value; nothing saved', async () => {
    const refused = await call(
      'PUT',
      '/v1/projects/zoho2',
      zohoDocument({
        fieldMap: { lead: { lead_source: 'Lead_Source' } },
        fieldValues: {
          lead: { Lead_Source: { google: 'Advertisement', facebook: 'Social media' } },
        },
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.json['problems'] as Problems).toEqual([
      {
        path: 'project.fieldValues.lead.Lead_Source.facebook',
        message: expect.stringMatching(
          /^"Social media" is not a value of the lead picklist "Lead_Source" \(its values: Advertisement, .*\)$/,
        ) as string,
      },
    ]);
    expect((await call('GET', '/v1/projects/zoho2')).status).toBe(404);
  });

  it('a value table for a field no parameter is mapped to: 422; the picklist target with known values: saved', async () => {
    const unmapped = await call(
      'PUT',
      '/v1/projects/zoho3',
      zohoDocument({ fieldValues: { deal: { Lead_Source: { google: 'Advertisement' } } } }),
    );
    expect(unmapped.status).toBe(422);
    expect((unmapped.json['problems'] as Problems).map((problem) => problem.path)).toEqual([
      'project.fieldValues.deal.Lead_Source',
    ]);
    const saved = await call(
      'PUT',
      '/v1/projects/zoho3',
      zohoDocument({
        fieldMap: { lead: { lead_source: 'Lead_Source' }, deal: { utm_source: 'Lead_Source' } },
        fieldValues: {
          lead: { Lead_Source: { google: 'Advertisement', 'Call tracking': 'Cold Call' } },
        },
      }),
    );
    expect(saved.status).toBe(201);
    const stored = await call('GET', '/v1/projects/zoho3');
    expect((stored.json['project'] as Record<string, unknown>)['fieldValues']).toEqual({
      lead: { Lead_Source: { google: 'Advertisement', 'Call tracking': 'Cold Call' } },
    });
  });

  it('a change of a saved project is checked the same way; the stored table stays as it was', async () => {
    const refused = await call(
      'PUT',
      '/v1/projects/zoho3',
      zohoDocument({
        fieldMap: { lead: { lead_source: 'Lead_Source' } },
        fieldValues: { lead: { Lead_Source: { google: 'Google Ads' } } },
      }),
    );
    expect(refused.status).toBe(422);
    expect((refused.json['problems'] as Problems)[0]?.message).toContain('"Google Ads"');
    const stored = await call('GET', '/v1/projects/zoho3');
    expect((stored.json['project'] as Record<string, unknown>)['fieldValues']).toEqual({
      lead: { Lead_Source: { google: 'Advertisement', 'Call tracking': 'Cold Call' } },
    });
  });
});

describe('source binding on save (issue 14 item 4): Salesforce LeadSource', () => {
  it('LeadSource is a picklist target on Lead and Opportunity; an unknown value is refused, a known one saved', async () => {
    const document = (values: Record<string, string>) => ({
      crm: 'salesforce',
      project: {
        defaultCountry: 'UA',
        timezone: 'Europe/Kyiv',
        fieldMap: { lead: { lead_source: 'LeadSource' }, deal: { lead_source: 'LeadSource' } },
        fieldValues: { lead: { LeadSource: values }, deal: { LeadSource: values } },
      },
      employees: [
        { id: 'e1', name: 'Olena', crmUserId: salesforceUser, extension: '100', topManager: true },
      ],
      connection: salesforce.connection,
    });
    const refused = await call('PUT', '/v1/projects/sf1', document({ google: 'Google' }));
    expect(refused.status).toBe(422);
    expect((refused.json['problems'] as Problems).map((problem) => problem.path).sort()).toEqual([
      'project.fieldValues.deal.LeadSource.google',
      'project.fieldValues.lead.LeadSource.google',
    ]);
    expect((refused.json['problems'] as Problems)[0]?.message).toContain('"Google"');
    expect((await call('PUT', '/v1/projects/sf1', document({ google: 'Web' }))).status).toBe(201);
  });

  it("the default binding and value tables callmatrix init writes are accepted by a new org's picklists (Zoho and Salesforce)", async () => {
    const zohoDefaults = zohoDocument({
      fieldMap: PROFILES.zoho.sourceBinding,
      fieldValues: PROFILES.zoho.sourceValues,
    });
    expect((await call('PUT', '/v1/projects/zoho-defaults', zohoDefaults)).status).toBe(201);
    const saved = await call('PUT', '/v1/projects/sf-defaults', {
      crm: 'salesforce',
      project: {
        defaultCountry: 'UA',
        timezone: 'Europe/Kyiv',
        fieldMap: PROFILES.salesforce.sourceBinding,
        fieldValues: PROFILES.salesforce.sourceValues,
      },
      employees: [
        { id: 'e1', name: 'Olena', crmUserId: salesforceUser, extension: '100', topManager: true },
      ],
      connection: salesforce.connection,
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(201);
  });
});

describe('source binding on save (issue 14 item 4): Pipedrive Source channel', () => {
  const document = (values: Record<string, string>) => ({
    crm: 'pipedrive',
    project: {
      defaultCountry: 'UA',
      timezone: 'Europe/Kyiv',
      fieldMap: {
        deal: { lead_source: 'channel', utm_campaign: 'channel_id' },
        lead: { lead_source: 'channel' },
      },
      fieldValues: { deal: { channel: values }, lead: { channel: values } },
    },
    employees: [
      { id: 'e1', name: 'Olena', crmUserId: pipedriveUser, extension: '100', topManager: true },
    ],
    connection: pipedrive.connection,
  });

  it('…/crm/fields lists channel as a picklist of its option labels on deals and leads', async () => {
    expect(
      (await call('PUT', '/v1/projects/pd1', document({ newsletter: 'Campaigns' }))).status,
    ).toBe(201);
    for (const entity of ['deal', 'lead']) {
      const { status, json } = await call('GET', `/v1/projects/pd1/crm/fields?entity=${entity}`);
      expect(status).toBe(200);
      const fields = json['fields'] as Array<{ name: string; type: string; values?: string[] }>;
      const channel = fields.find((candidate) => candidate.name === 'channel');
      expect(channel?.type).toBe('picklist');
      expect(channel?.values).toContain('Campaigns');
      expect(fields.find((candidate) => candidate.name === 'channel_id')?.type).toBe('string');
    }
  });

  it('a channel value that is no option: 422 naming the field and the value; the stored table stays', async () => {
    const refused = await call('PUT', '/v1/projects/pd1', document({ google: 'Paid search' }));
    expect(refused.status).toBe(422);
    expect((refused.json['problems'] as Problems).map((problem) => problem.path).sort()).toEqual([
      'project.fieldValues.deal.channel.google',
      'project.fieldValues.lead.channel.google',
    ]);
    expect((refused.json['problems'] as Problems)[0]?.message).toMatch(
      /^"Paid search" is not a value of the (deal|lead) picklist "channel" \(its values: Prospector, .*Campaigns.*\)$/,
    );
    const stored = await call('GET', '/v1/projects/pd1');
    expect((stored.json['project'] as Record<string, unknown>)['fieldValues']).toEqual({
      deal: { channel: { newsletter: 'Campaigns' } },
      lead: { channel: { newsletter: 'Campaigns' } },
    });
  });

  it('origin, which Pipedrive sets itself, is refused as a target', async () => {
    const refused = await call('PUT', '/v1/projects/pd2', {
      ...document({}),
      project: {
        defaultCountry: 'UA',
        timezone: 'Europe/Kyiv',
        fieldMap: { deal: { lead_source: 'origin' } },
      },
    });
    expect(refused.status).toBe(422);
    expect((refused.json['problems'] as Problems).map((problem) => problem.path)).toEqual([
      'project.fieldMap.deal.lead_source',
    ]);
  });
});
