import { z } from 'zod';
import { oauthCredentials, url } from '../connection-fields.js';

/**
 * A Salesforce connection (service.md §2): the instance URL, the login server
 * the refresh-token grant goes to (`{loginUrl}/services/oauth2/token`; named,
 * never assumed: sandboxes and My Domain logins differ), OAuth credentials.
 */
export const SalesforceConnectionSchema = z.strictObject({
  baseUrl: url,
  loginUrl: url,
  credentials: oauthCredentials,
});
export type SalesforceConnection = z.infer<typeof SalesforceConnectionSchema>;
