import { z } from 'zod';

// The project document's optional `alerts` part (issue 11 item 6): where
// state changes are sent, signed per Standard Webhooks, and how many failed
// events make a project worth an alert. The URL's host is held to the
// project's CRM host rule by the service (when saved) and the sender (when sent).

export const DEFAULT_FAILED_THRESHOLD = 10;

const httpUrl = z
  .string()
  .max(2_000, 'expected a URL of at most 2000 characters')
  .refine(
    (value) => {
      try {
        const { protocol } = new URL(value);
        return protocol === 'https:' || protocol === 'http:';
      } catch {
        return false;
      }
    },
    { error: 'expected an http or https URL' },
  );

export const AlertSettingsSchema = z
  .strictObject({
    url: httpUrl
      .optional()
      .describe(
        "The operator's alert webhook: state changes are POSTed here as JSON, signed per Standard Webhooks. Its host must pass the CRM host rule (the CRM's own domains or CALLMATRIX_ALLOW_CRM_HOSTS).",
      ),
    signingSecret: z
      .string()
      .regex(
        /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/,
        'expected whsec_ followed by a base64 key of at least 12 bytes',
      )
      .optional()
      .describe('The Standard Webhooks secret the alerts are signed with (write-only).'),
    failedThreshold: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(DEFAULT_FAILED_THRESHOLD)
      .describe('Failed events of the project at which an alert is raised (and lowered below it).'),
  })
  .superRefine((alerts, ctx) => {
    if (alerts.url !== undefined && alerts.signingSecret === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['signingSecret'],
        message: 'an alert url needs a signingSecret (whsec_…) to sign the alerts with',
      });
  });
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { failedThreshold: DEFAULT_FAILED_THRESHOLD };
