import { createHmac } from 'node:crypto';

// Standard Webhooks (standardwebhooks.com): `webhook-id`, `webhook-timestamp`
// (Unix seconds) and `webhook-signature` = "v1," + base64 HMAC-SHA256 of
// "id.timestamp.body" keyed with the base64 part of the whsec_ secret. The
// `standardwebhooks` package verifies what this signs (sign.test.ts).

export interface SignedHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

export function signWebhook(
  secret: string,
  id: string,
  timestampSec: number,
  body: string,
): SignedHeaders {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestampSec}.${body}`).digest();
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSec),
    'webhook-signature': `v1,${signature.toString('base64')}`,
  };
}
