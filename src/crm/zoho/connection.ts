import { z } from 'zod';
import { oauthCredentials, url } from '../connection-fields.js';

/** A Zoho connection (service.md §2): the data centre's API and accounts servers, OAuth (crm-apis.md §1.2). */
export const ZohoConnectionSchema = z.strictObject({
  baseUrl: url,
  accountsUrl: url,
  credentials: oauthCredentials,
});
export type ZohoConnection = z.infer<typeof ZohoConnectionSchema>;
