import { afterEach, beforeEach, expect } from 'vitest';
import { startRetailcrmEmulator, type RetailcrmEmulator } from './index.js';

// What the emulator's test files share: an emulator over real HTTP for each
// test, and requests sent as the official client sends them (form fields).

export const anyString: unknown = expect.any(String);
export const anyNumber: unknown = expect.any(Number);
export let emulator: RetailcrmEmulator;
export let key: string;

export const url = (path: string): string => `${emulator.baseUrl}${path}`;
export const form = (fields: Record<string, unknown>): string =>
  new URLSearchParams(
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ),
  ).toString();
export async function call(
  method: string,
  path: string,
  body?: Record<string, unknown>,
  headers: Record<string, string> = { 'X-API-KEY': key },
) {
  const response = await fetch(url(path), {
    method,
    headers: { ...headers, ...(body && { 'content-type': 'application/x-www-form-urlencoded' }) },
    ...(body && { body: form(body) }),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}
export async function seed(state: object, timezone = 'UTC'): Promise<void> {
  const response = await fetch(url(`/_emulator/state?timezone=${timezone}`), {
    method: 'PUT',
    body: JSON.stringify(state),
  });
  expect(response.status).toBe(204);
}
export const snapshot = async (timezone = 'UTC') =>
  (await (await fetch(url(`/_emulator/snapshot?timezone=${timezone}`))).json()) as Record<
    string,
    Array<Record<string, unknown>>
  >;

/** Registers the hooks: a fresh emulator for each test (key k-123, rate limits out of the way). */
export function useRetailcrmEmulator(): void {
  beforeEach(async () => {
    emulator = await startRetailcrmEmulator({
      apiKey: 'k-123',
      ratePerSec: 1000,
      telephonyRatePerSec: 1000,
    });
    key = emulator.connection.credentials.apiKey;
  });
  afterEach(() => emulator.close());
}
