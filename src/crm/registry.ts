import type { CrmId } from '../domain/crm-id.js';
import type { CrmDescriptor } from './descriptor.js';
import { pipedrive } from './pipedrive/index.js';
import { retailcrm } from './retailcrm/index.js';
import { salesforce } from './salesforce/index.js';
import { zoho } from './zoho/index.js';

/** Every CRM, by id: a CRM missing here fails the build. The in-memory CRM is memory/index.ts. */
export const CRMS = { zoho, retailcrm, pipedrive, salesforce } as const satisfies Record<
  CrmId,
  CrmDescriptor
>;
