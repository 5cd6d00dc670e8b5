import type { CrmDescriptor } from '../descriptor.js';
import { seededIdsByNeutralName } from '../descriptor.js';
import { zoho as profile } from '../../engine/defaults/zoho.js';
import { createZohoAdapter } from './adapter.js';
import { capabilities } from './capabilities.js';
import { zohoOAuth } from './oauth.js';
import { ZohoConnectionSchema } from './connection.js';

/**
 * Zoho CRM. A replay needs nothing prepared beyond the seed: the emulator keeps
 * a mapped field it has no metadata for as a custom text field, and adds a
 * pipeline a deal names (README, UNVERIFIED choices).
 */
export const zoho: CrmDescriptor = {
  id: 'zoho',
  name: 'Zoho',
  connectionSchema: ZohoConnectionSchema,
  oauth: zohoOAuth,
  // Zoho's non-US/EU data centres follow the same pattern.
  domains: [
    'zohoapis.com',
    'zohoapis.eu',
    'zohoapis.in',
    'zohoapis.com.au',
    'zohoapis.jp',
    'zohoapis.ca',
    'zohoapis.com.cn',
    'zohoapis.sa',
    'zoho.com',
    'zoho.eu',
    'zoho.in',
    'zoho.com.au',
    'zoho.jp',
    'zohocloud.ca',
    'zoho.com.cn',
    'zoho.sa',
  ],
  capabilities,
  profile,
  createAdapter: createZohoAdapter,
  sandbox: { seededIds: seededIdsByNeutralName },
};
