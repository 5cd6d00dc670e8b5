import { expect } from 'vitest';
import { CRM_STATE } from '../service/events.js';

// What the per-CRM index tests seed into an emulator (neutral snapshot), and how.

/** Ivan (two phones' worth of deal: d1 is his) and Maria, owned by two managers. */
export const IVAN_AND_MARIA = {
  ...CRM_STATE,
  contacts: [
    { id: 'c1', name: 'Ivan', phones: ['067 123 4567'], ownerId: 'u1' },
    { id: 'c2', name: 'Maria', phones: ['+380931112233'], ownerId: 'u2' },
  ],
  leads: [],
  deals: [{ id: 'd1', name: 'Deal', contactId: 'c1', ownerId: 'u2', status: 'open' }],
};

/** Puts the state into the emulator at `baseUrl`; returns its neutral → native id map (`/_emulator/ids`). */
export async function seedEmulator(
  baseUrl: string,
  state: object,
  query = '',
): Promise<(kind: string, neutral: string) => string> {
  expect(
    (
      await fetch(`${baseUrl}/_emulator/state${query}`, {
        method: 'PUT',
        body: JSON.stringify(state),
      })
    ).status,
  ).toBe(204);
  const ids = (await (await fetch(`${baseUrl}/_emulator/ids`)).json()) as Record<
    string,
    Record<string, string | number>
  >;
  return (kind, neutral) => String(ids[kind]?.[neutral] ?? '');
}
