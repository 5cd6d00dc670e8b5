import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZohoEmulator, type ZohoEmulator } from '../../emulators/zoho/index.js';
import { starterDocument } from '../../src/cli/init.js';
import { PROFILES } from '../../src/engine/defaults/index.js';
import { parseDocument } from '../../src/service/admin/document.js';
import { prepareSecrets } from '../../src/service/admin/secrets.js';
import { seedEmulator } from '../index/seed.js';
import { runChild, runMain } from './run-cli.js';

// Issue 12 item 3: `callmatrix init` writes a project to start from; `callmatrix check`
// holds a project against its CRM, here the Zoho emulator over real HTTP.

const repo = resolve(import.meta.dirname, '..', '..');

describe('callmatrix init', () => {
  it('writes a commented project document with $schema and the default matrix, and .env', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callmatrix-init-'));
    const run = await runChild(['init', '--crm', 'pipedrive'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote project.json');
    const text = readFileSync(join(dir, 'project.json'), 'utf8');
    const document = JSON.parse(text) as Record<string, unknown> & {
      project: { matrix: unknown };
    };
    expect(document['crm']).toBe('pipedrive');
    expect(document.project.matrix).toEqual(PROFILES.pipedrive.matrix);
    // Issue 14 item 4: the CRM's source field bound to lead_source: Pipedrive's Source channel ID
    // (text, no table: the Source channel's default options name no ad source).
    expect((document.project as { fieldMap?: unknown }).fieldMap).toEqual({
      deal: { lead_source: 'channel_id' },
      lead: { lead_source: 'channel_id' },
    });
    expect((document.project as { fieldValues?: unknown }).fieldValues).toBeUndefined();
    // Zoho and Salesforce: the picklist with a value table into a new account's values, so a raw
    // UTM source ("google") is not left out of every record.
    const tables = (crm: 'zoho' | 'salesforce') =>
      (starterDocument(crm, './schema.json')['project'] as { fieldValues: unknown }).fieldValues;
    const zohoTable = {
      google: 'Advertisement',
      bing: 'Advertisement',
      yandex: 'Advertisement',
      facebook: 'Advertisement',
      instagram: 'Advertisement',
      'Call tracking': 'Cold Call',
    };
    expect(tables('zoho')).toEqual({
      lead: { Lead_Source: zohoTable },
      contact: { Lead_Source: zohoTable },
      deal: { Lead_Source: zohoTable },
    });
    expect(tables('salesforce')).toMatchObject({
      lead: { LeadSource: { google: 'Web', 'Call tracking': 'Phone Inquiry' } },
      deal: { LeadSource: { facebook: 'Web' } },
    });
    expect(
      (starterDocument('zoho', './schema.json')['project'] as { fieldMap: unknown }).fieldMap,
    ).toEqual({
      lead: { lead_source: 'Lead_Source' },
      contact: { lead_source: 'Lead_Source' },
      deal: { lead_source: 'Lead_Source' },
    });
    // retailCRM: the source block of customers and orders, the pool there when no UTM source.
    const retailBlock = {
      lead_source: 'source_source',
      utm_medium: 'source_medium',
      utm_campaign: 'source_campaign',
      utm_term: 'source_keyword',
      utm_content: 'source_content',
    };
    expect(
      (starterDocument('retailcrm', './schema.json')['project'] as { fieldMap: unknown }).fieldMap,
    ).toEqual({ contact: retailBlock, deal: retailBlock });
    expect(text).toContain('"$comment"');
    // $schema names the installed schema, relative to the document.
    const schema = resolve(dir, String(document['$schema']));
    expect(schema).toBe(join(repo, 'schemas', 'project.json'));
    expect(existsSync(schema)).toBe(true);
    // Valid as it stands (the placeholders are strings); the service drops the annotations
    // and generates the signing secret left out.
    const parsed = parseDocument(prepareSecrets(document, {}).document);
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(
      readFileSync(join(repo, '.env.example'), 'utf8'),
    );

    // A second run keeps what is there unless --force.
    writeFileSync(join(dir, '.env'), 'PORT=9999\n');
    const again = await runChild(['init'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('kept project.json');
    expect(readFileSync(join(dir, 'project.json'), 'utf8')).toBe(text);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('PORT=9999\n');
    const forced = await runChild(['init', '--crm', 'zoho', '--force', '--out', 'p.json'], {
      cwd: dir,
    });
    expect(forced.code).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')) as { crm: string }).crm).toBe(
      'zoho',
    );
    expect(readFileSync(join(dir, '.env'), 'utf8')).not.toBe('PORT=9999\n');
  }, 180_000); // four CLI processes from source: slow on a loaded machine
});

describe('callmatrix check against the Zoho emulator', () => {
  let emulator: ZohoEmulator;
  let userId: (neutral: string) => string;
  const dir = mkdtempSync(join(tmpdir(), 'callmatrix-check-'));
  const saved = process.env['CALLMATRIX_ALLOW_CRM_HOSTS'];

  beforeAll(async () => {
    emulator = await startZohoEmulator();
    const ids = await seedEmulator(emulator.baseUrl, {
      users: [
        { id: 'u1', name: 'Olena Top' },
        { id: 'u2', name: 'Petro' },
      ],
    });
    userId = (neutral) => ids('users', neutral);
    process.env['CALLMATRIX_ALLOW_CRM_HOSTS'] = '127.0.0.1';
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env['CALLMATRIX_ALLOW_CRM_HOSTS'];
    else process.env['CALLMATRIX_ALLOW_CRM_HOSTS'] = saved;
    await emulator.close();
  });

  function projectFile(name: string, change: (document: Record<string, unknown>) => void): string {
    const document = starterDocument('zoho', '../schemas/project.json');
    document['connection'] = emulator.connection;
    document['employees'] = [
      { id: 'olena', name: 'Olena', crmUserId: userId('u1'), extension: '100', topManager: true },
      { id: 'petro', name: 'Petro', crmUserId: userId('u2'), extension: '101' },
    ];
    // The starter's source binding and value tables (issue 14 item 4) stay: checked as they are.
    const project = document['project'] as { fieldMap: Record<string, Record<string, string>> };
    project.fieldMap = {
      ...project.fieldMap,
      lead: { ...project.fieldMap['lead'], utm_campaign: 'Description' },
    };
    (document['project'] as Record<string, unknown>)['pipelineRules'] = [
      { pipeline: 'Standard', param: 'pool', value: 'Context ads' },
    ];
    change(document);
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(document));
    return file;
  }

  it('exits 0 when the CRM has every user, field and pipeline the document names', async () => {
    const file = projectFile('good.json', () => undefined);
    const run = await runMain(['check', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/valid; the zoho CRM has the CRM users of all 2 employees/);
  });

  it('names each employee, field and pipeline the CRM lacks, and exits 1', async () => {
    const file = projectFile('bad.json', (document) => {
      (document['employees'] as Record<string, unknown>[])[1]!['crmUserId'] = '999000111';
      const project = document['project'] as Record<string, unknown>;
      project['fieldMap'] = {
        lead: { utm_campaign: 'Campaign__c', lead_source: 'Lead_Source' },
        deal: { utm_source: 'Amount' },
      };
      // Issue 14 item 4: a value table's value outside the picklist.
      project['fieldValues'] = { lead: { Lead_Source: { google: 'Google Ads' } } };
      project['pipelineRules'] = [{ pipeline: 'Ads', param: 'pool', value: 'Context ads' }];
    });
    const run = await runMain(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n').sort()).toEqual(
      [
        `${file}: employees[1].crmUserId: the CRM has no user "999000111" (Petro)`,
        `${file}: project.fieldMap.lead.utm_campaign: the CRM has no lead field "Campaign__c"`,
        `${file}: project.fieldMap.deal.utm_source: "Amount" is a number field: only string and picklist fields may receive parameters`,
        `${file}: project.fieldValues.lead.Lead_Source.google: "Google Ads" is not a value of the lead picklist "Lead_Source" (its values: Advertisement, Cold Call, Web Download, Chat, Website)`,
        `${file}: project.pipelineRules[0].pipeline: the CRM has no pipeline "Ads" (it has: Standard)`,
      ].sort(),
    );
  });

  it('exits 2 with every problem of an invalid document, before asking the CRM', async () => {
    const file = projectFile('invalid.json', (document) => {
      (document['employees'] as Record<string, unknown>[])[1]!['topManager'] = true;
      (document['project'] as Record<string, unknown>)['matrix'] = { 'incoming.misssed': [] };
    });
    const run = await runMain(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exactly one employee must be the top manager (found 2)');
    expect(run.stderr).toContain('unknown condition "incoming.misssed"');
  });

  it('refuses a connection to a host outside the allowed ones (exit 2)', async () => {
    delete process.env['CALLMATRIX_ALLOW_CRM_HOSTS'];
    try {
      const run = await runMain(['check', projectFile('host.json', () => undefined)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/connection\.baseUrl/);
    } finally {
      process.env['CALLMATRIX_ALLOW_CRM_HOSTS'] = '127.0.0.1';
    }
  });

  it('exits 1 when the CRM cannot be reached', async () => {
    const down = await startZohoEmulator();
    const connection = down.connection;
    await down.close();
    const file = projectFile('down.json', (document) => {
      document['connection'] = connection;
    });
    const run = await runMain(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${file}: cannot ask the zoho CRM: `));
    expect(dirname(file)).toBe(dir);
  });
});
