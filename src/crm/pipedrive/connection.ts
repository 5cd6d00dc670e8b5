import { z } from 'zod';
import { oauthCredentials, text, url } from '../connection-fields.js';

/** A Pipedrive connection (service.md §2): an API token, or OAuth with the server that grants tokens (crm-apis.md §2.2). */
export const PipedriveConnectionSchema = z
  .strictObject({
    baseUrl: url,
    oauthUrl: url.optional(),
    credentials: z.union([z.strictObject({ apiToken: text('the API token') }), oauthCredentials], {
      error: 'expected { apiToken } or { clientId, clientSecret, refreshToken }',
    }),
  })
  .superRefine((connection, ctx) => {
    if ('refreshToken' in connection.credentials && connection.oauthUrl === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['oauthUrl'],
        message: 'OAuth credentials need the oauthUrl (https://oauth.pipedrive.com)',
      });
    }
  });
export type PipedriveConnection = z.infer<typeof PipedriveConnectionSchema>;
