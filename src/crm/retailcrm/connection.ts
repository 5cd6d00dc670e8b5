import { z } from 'zod';
import { text, url } from '../connection-fields.js';

/** A retailCRM connection (service.md §2): the account's address and an API key (crm-apis.md §3.1). */
export const RetailcrmConnectionSchema = z.strictObject({
  baseUrl: url,
  credentials: z.strictObject({ apiKey: text('the API key') }),
});
export type RetailcrmConnection = z.infer<typeof RetailcrmConnectionSchema>;
