import type { CrmIdentity } from '../descriptor.js';
import { identityOf } from '../identity.js';
import { z } from 'zod';
import type { User } from '../../domain/snapshot.js';
import type { SalesforceClient } from './client.js';
import { soql } from './query.js';

// What the admin side reads from the org (service.md §2: crm/users,
// crm/pipelines, crm/fields): users, opportunity record types with the
// stages (G9), and custom fields with their types (G8: string fields only).

/** The token's user, from the OpenID Connect userinfo endpoint of the instance: "Test connection". */
export async function currentUser(client: SalesforceClient): Promise<CrmIdentity> {
  const info = (await client.userInfo()) as Record<string, unknown> | undefined;
  return identityOf({ ...info, id: info?.['user_id'] }, 'GET /services/oauth2/userinfo');
}

export async function listUsers(client: SalesforceClient): Promise<User[]> {
  const rows = await client.query(
    soql`SELECT Id, Name, Email, Extension FROM User WHERE IsActive = ${true} ORDER BY Name`,
  );
  return rows.map((r) => ({
    id: String(r['Id']),
    name: typeof r['Name'] === 'string' ? r['Name'] : '',
  }));
}

export interface Pipeline {
  readonly id: string;
  readonly name: string;
  readonly stages: ReadonlyArray<{
    readonly name: string;
    readonly closed: boolean;
    readonly won: boolean;
  }>;
}

export async function recordTypes(
  client: SalesforceClient,
): Promise<Array<{ id: string; name: string }>> {
  const rows = await client.query(
    soql`SELECT Id, Name FROM RecordType WHERE SobjectType = ${'Opportunity'} AND IsActive = ${true} ORDER BY Name`,
  );
  return rows.map((r) => ({ id: String(r['Id']), name: String(r['Name']) }));
}

/** G9: Salesforce's "pipelines" are the opportunity record types; all share the org's active stages here. */
export async function listPipelines(client: SalesforceClient): Promise<Pipeline[]> {
  const stageRows = await client.query(
    soql`SELECT MasterLabel, IsClosed, IsWon, SortOrder FROM OpportunityStage WHERE IsActive = ${true} ORDER BY SortOrder`,
  );
  const stages = stageRows.map((r) => ({
    name: String(r['MasterLabel']),
    closed: r['IsClosed'] === true,
    won: r['IsWon'] === true,
  }));
  return (await recordTypes(client)).map((r) => ({ ...r, stages }));
}

const DescribeSchema = z.looseObject({
  fields: z.array(
    z.looseObject({
      name: z.string(),
      label: z.string().optional(),
      type: z.string(),
      custom: z.boolean().optional(),
      updateable: z.boolean().optional(),
      createable: z.boolean().optional(),
      picklistValues: z
        .array(z.looseObject({ value: z.string(), active: z.boolean().optional() }))
        .optional(),
    }),
  ),
});

export interface CrmField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  /** G8: only string fields may receive a parameter. */
  readonly isString: boolean;
  /** A picklist's active values (describe's `picklistValues`). */
  readonly picklist?: readonly string[];
}

const ENTITY_TYPE = { lead: 'Lead', contact: 'Contact', deal: 'Opportunity' } as const;

export async function listFields(
  client: SalesforceClient,
  entity: keyof typeof ENTITY_TYPE,
): Promise<CrmField[]> {
  const described = DescribeSchema.parse(await client.describe(ENTITY_TYPE[entity]));
  return described.fields
    .filter((f) => f.createable !== false)
    .map((f) => ({
      name: f.name,
      label: f.label ?? f.name,
      type: f.type,
      isString: f.type === 'string' || f.type === 'textarea',
      ...((f.type === 'picklist' || f.type === 'multipicklist') && {
        picklist: (f.picklistValues ?? []).filter((v) => v.active !== false).map((v) => v.value),
      }),
    }));
}
