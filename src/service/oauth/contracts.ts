import { z } from 'zod';

// The OAuth routes' bodies and answers, written once for the routes and the
// OpenAPI document.

/** An admin-app route to come back to: `#/…`, nothing that could leave the app. */
const appRoute = z
  .string()
  .regex(/^#\/[A-Za-z0-9/_.~%-]*$/, 'expected an admin-app route such as #/projects/p1/connection')
  .max(200);

export const OAuthStartSchema = z.strictObject({
  project: z.string().min(1, 'expected the project id'),
  returnTo: appRoute.optional().meta({
    description:
      'Where the browser returns in the admin app; default `#/projects/{project}/connection`',
  }),
  server: z.url().optional().meta({
    description:
      "The CRM's OAuth server for this connection (Zoho data centre, Salesforce sandbox or My Domain); default from the settings",
  }),
});
export type OAuthStart = z.infer<typeof OAuthStartSchema>;

export const OAuthStartedSchema = z.object({
  authorizeUrl: z.url().meta({ description: "The CRM's authorize page: send the browser there" }),
  state: z
    .string()
    .meta({ description: 'Single use, bound to the project and the key that started it' }),
  flow: z.string().meta({ description: 'The flow id the redirect back to the admin app carries' }),
  redirectUri: z.url(),
  expiresAt: z.iso.datetime(),
});
export type OAuthStarted = z.infer<typeof OAuthStartedSchema>;

export const OAuthCallbackQuerySchema = z.looseObject({
  state: z.string().min(1, 'expected the state the flow was started with').max(200),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(500).optional(),
});

export const ConnectionTestSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    user: z
      .object({ id: z.string(), name: z.string(), email: z.string().optional() })
      .nullable()
      .meta({
        description:
          'The CRM user the credentials act as; null when the CRM has no such notion (retailCRM API keys)',
      }),
  }),
  z.object({
    ok: z.literal(false),
    kind: z.enum(['reauth', 'retryable', 'permanent']),
    reason: z.string().meta({ description: "The CRM's refusal in words" }),
  }),
]);
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;
