import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { IVAN, IVANS_CALL, SEED_USERS } from '../shared/test-kit.js';
import { startZohoEmulator, type ZohoEmulator } from './index.js';

// What the emulator's test files share: one emulator over real HTTP, seeded
// before each test, and requests made as Zoho's official Node SDK makes them.

export let emulator: ZohoEmulator;
export let token = '';

export const call = async (
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<Response> =>
  fetch(`${emulator.baseUrl}${path}`, {
    method,
    headers: { authorization: `Zoho-oauthtoken ${token}`, ...init.headers },
    ...(init.body !== undefined && { body: init.body }),
  });
export const control = (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${emulator.baseUrl}/_emulator/${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

/** The SDK's token request: multipart/form-data (§6). */
export async function sdkToken(): Promise<Record<string, unknown>> {
  const form = new FormData();
  const { credentials } = emulator.connection;
  form.set('grant_type', 'refresh_token');
  form.set('client_id', credentials.clientId);
  form.set('client_secret', credentials.clientSecret);
  form.set('refresh_token', credentials.refreshToken);
  return (await (
    await fetch(`${emulator.connection.accountsUrl}/oauth/v2/token`, { method: 'POST', body: form })
  ).json()) as Record<string, unknown>;
}

/** A raw request, so the query string goes out byte for byte as the SDK's encodeURI builds it. */
export function raw(
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(emulator.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { authorization: `Zoho-oauthtoken ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body); // no Content-Type header, as the SDK sends record writes
    req.end();
  });
}

export const SEED = {
  users: SEED_USERS,
  contacts: [{ ...IVAN, organizationId: 'o1', fields: { Pool_Name: 'Context ads' } }],
  organizations: [{ id: 'o1', name: 'Ivan LLC', ownerId: 'u2' }],
  leads: [
    {
      id: 'l1',
      contactId: 'c1',
      name: 'Lead',
      phones: ['+380671234567'],
      ownerId: 'u2',
      status: 'open',
    },
  ],
  deals: [
    {
      id: 'd1',
      name: 'Deal',
      contactId: 'c1',
      organizationId: 'o1',
      ownerId: 'u2',
      status: 'won',
      pipeline: 'Ads',
    },
  ],
  tasks: [
    {
      id: 't1',
      assigneeId: 'u2',
      done: false,
      dueAt: '2026-11-20T13:03:00+02:00',
      title: 'Call back',
      contactId: 'c1',
      leadId: null,
      dealId: 'd1',
      callId: 'k1',
      recordingUrl: null,
    },
  ],
  comments: [{ id: 'n1', text: 'Asked for prices', contactId: null, leadId: null, dealId: 'd1' }],
  calls: [
    {
      ...IVANS_CALL,
      durationSec: 185,
      startedAt: '2026-11-20T10:00:00+02:00',
      recordingUrl: null,
      leadId: null,
      dealId: 'd1',
      description: 'Recording: https://records.example/k1.mp3',
    },
  ],
  notifications: [],
};

/** Registers the hooks: one emulator for the file, seeded with SEED and a fresh SDK token before each test. */
export function useSeededZohoEmulator(): void {
  beforeAll(async () => {
    emulator = await startZohoEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(async () => {
    await control('POST', 'faults', { credentials: 'valid', fail: null, latencyMs: 0 });
    expect((await control('PUT', 'state', SEED)).status).toBe(204);
    token = String((await sdkToken())['access_token']);
  });
}
