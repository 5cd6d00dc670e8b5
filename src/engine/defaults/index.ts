import type { CrmId } from '../../domain/crm-id.js';
import type { CrmProfile } from '../profile.js';
import { pipedrive } from './pipedrive.js';
import { retailcrm } from './retailcrm.js';
import { salesforce } from './salesforce.js';
import { zoho } from './zoho.js';

/** Every CRM has a profile, or the build fails. */
export const PROFILES = { zoho, retailcrm, pipedrive, salesforce } as const satisfies Record<
  CrmId,
  CrmProfile
>;
