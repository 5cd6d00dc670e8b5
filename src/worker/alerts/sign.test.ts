import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign.js';

// The reference implementation (the `standardwebhooks` package) verifies what we sign.

const SECRET = `whsec_${Buffer.from('an-alert-key-of-thirty-two-bytes').toString('base64')}`;
const BODY = JSON.stringify({ type: 'integration.broken', data: { project: 'acme' } });

describe('alert signature (Standard Webhooks)', () => {
  it('is accepted by the standardwebhooks package', () => {
    const now = Math.floor(Date.now() / 1000);
    const headers = signWebhook(SECRET, 'msg_abc', now, BODY);
    expect(new Webhook(SECRET).verify(BODY, { ...headers })).toEqual(JSON.parse(BODY));
  });

  it('matches the package own signature byte for byte', () => {
    const at = new Date('2026-12-06T11:00:00Z');
    const ours = signWebhook(SECRET, 'msg_abc', at.getTime() / 1000, BODY);
    expect(ours['webhook-signature']).toBe(new Webhook(SECRET).sign('msg_abc', at, BODY));
  });

  it('is refused by the package when the body or the secret differ', () => {
    const now = Math.floor(Date.now() / 1000);
    const headers = { ...signWebhook(SECRET, 'msg_abc', now, BODY) };
    expect(() => new Webhook(SECRET).verify(`${BODY} `, headers)).toThrow();
    const other = `whsec_${Buffer.from('another-key-of-thirty-two-bytes!').toString('base64')}`;
    expect(() => new Webhook(other).verify(BODY, headers)).toThrow();
  });
});
