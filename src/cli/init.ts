import { randomBytes } from 'node:crypto';
import { copyFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { CrmId } from '../domain/crm-id.js';
import { CRM_IDS } from '../domain/crm-id.js';
import { PROFILES } from '../engine/defaults/index.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './commands.js';
import { packageRoot } from './package-root.js';

// `callmatrix init [--crm zoho] [--out project.json] [--force]`: a project
// document to start from, every part present and explained in "$comment"
// members (JSON has no comments; the service ignores these), and .env from
// .env.example.

const CHANGE = 'CHANGE-ME';

/** Where each CRM's connection values come from (docs/crm/<crm>.md has the steps). */
const CONNECTIONS: Record<CrmId, { comment: string; connection: Record<string, unknown> }> = {
  zoho: {
    comment:
      'Your data centre\'s API domain and accounts server, and a self-client\'s OAuth credentials (docs/crm/zoho.md). For the emulator, paste the "connection" that `callmatrix emulate zoho` prints.',
    connection: {
      baseUrl: 'https://www.zohoapis.com',
      accountsUrl: 'https://accounts.zoho.com',
      credentials: { clientId: CHANGE, clientSecret: CHANGE, refreshToken: CHANGE },
    },
  },
  retailcrm: {
    comment:
      'Your account URL and an API key with the customers, orders, tasks, users and telephony scopes (docs/crm/retailcrm.md).',
    connection: { baseUrl: 'https://yourcompany.retailcrm.ru', credentials: { apiKey: CHANGE } },
  },
  pipedrive: {
    comment:
      'Your company domain and a personal API token, or OAuth credentials with "oauthUrl": "https://oauth.pipedrive.com" (docs/crm/pipedrive.md).',
    connection: { baseUrl: 'https://yourcompany.pipedrive.com', credentials: { apiToken: CHANGE } },
  },
  salesforce: {
    comment:
      "Your org's instance URL, its login server and a connected app's OAuth credentials (docs/crm/salesforce.md).",
    connection: {
      baseUrl: 'https://yourcompany.my.salesforce.com',
      loginUrl: 'https://login.salesforce.com',
      credentials: { clientId: CHANGE, clientSecret: CHANGE, refreshToken: CHANGE },
    },
  },
};

/** The project document `init` writes for a CRM, `$schema` pointing at `schemaRef`. */
export function starterDocument(crm: CrmId, schemaRef: string): Record<string, unknown> {
  const { comment, connection } = CONNECTIONS[crm];
  return {
    $schema: schemaRef,
    $comment:
      'A Callmatrix project document (docs/project.md). Replace every CHANGE-ME, then `callmatrix check` this file and PUT it to /v1/projects/{project}. "$comment" members are notes for you; the service ignores them.',
    crm,
    project: {
      $comment:
        'defaultCountry reads local phone numbers (add it, e.g. "UA"); timezone sets due dates and the resend window. The matrix below is this CRM\'s default, spelled out: untick a cell by deleting it, or set "matrix": null to follow the default as it evolves (docs/matrix.md). messengerFieldMap lists the messenger slots (source, client_name, client_phone): name a text field of the CRM for each to fill it. The field map binds the CRM\'s source field to lead_source (the UTM source, else the call-tracking pool); a picklist takes only its own values, so "fieldValues" translates the common ad sources and the pool "Call tracking" into them: add yours (docs/project.md, "Source binding and picklists").',
      timezone: 'UTC',
      language: 'en',
      taskDueHours: 4,
      matrix: PROFILES[crm].matrix,
      stopList: [],
      pipelineRules: [],
      fieldMap: PROFILES[crm].sourceBinding,
      ...(Object.keys(PROFILES[crm].sourceValues).length > 0 && {
        fieldValues: PROFILES[crm].sourceValues,
      }),
      messengerFieldMap: PROFILES[crm].options.messengerFieldMap,
      resendWindowDays: 3,
    },
    employees: [
      {
        $comment:
          'Exactly one employee is the top manager, and needs a crmUserId (GET /v1/projects/{project}/crm/users lists them). Link each employee by extension, sipLogins or phones.',
        id: 'top-manager',
        name: 'Top Manager',
        crmUserId: CHANGE,
        extension: '100',
        topManager: true,
      },
    ],
    connection: { $comment: comment, ...connection },
    webhook: {
      $comment:
        'What your PBX sends as "Authorization: Bearer TOKEN". Leave out signingSecret and the service generates one for Standard Webhooks signatures.',
      token: randomBytes(24).toString('base64url'),
    },
  };
}

/** `$schema` as a path relative to the document, so an editor finds the installed schema. */
export function schemaReference(documentPath: string): string {
  const schema = join(packageRoot(), 'schemas', 'project.json');
  const path = relative(dirname(resolve(documentPath)), schema)
    .split(sep)
    .join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export async function runInit(args: ParsedArgs, io: Io): Promise<number> {
  const crm = (args.values['crm'] ?? 'zoho') as CrmId;
  if (!(CRM_IDS as readonly string[]).includes(crm)) return 2;
  const out = typeof args.values['out'] === 'string' ? args.values['out'] : 'project.json';
  const force = args.values['force'] === true;
  const written: string[] = [];
  const kept: string[] = [];
  if (existsSync(out) && !force) kept.push(out);
  else {
    const document = starterDocument(crm, schemaReference(out));
    await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
    written.push(out);
  }
  if (existsSync('.env') && !force) kept.push('.env');
  else {
    await copyFile(join(packageRoot(), '.env.example'), '.env');
    written.push('.env');
  }
  for (const file of written) io.err(`callmatrix init: wrote ${file}`);
  for (const file of kept) io.err(`callmatrix init: kept ${file} as it is (--force replaces it)`);
  if (written.includes(out))
    io.err(`next: replace every CHANGE-ME in ${out}, then: callmatrix check ${out}`);
  return 0;
}
