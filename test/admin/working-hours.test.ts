import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auth, harness, memoryDocument, putProject, type Harness } from './harness.js';

// The project's working hours (issue 14, D4) as a part of the document: /working-hours.

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.close();
});

const WEEK = {
  week: { mon: [{ from: '09:00', to: '18:00' }], fri: [{ from: '09:00', to: '17:00' }] },
  daysOff: ['2026-12-25'],
};

const call = (method: 'GET' | 'PUT', payload?: unknown) =>
  h.app.inject({
    method,
    url: '/v1/projects/acme/working-hours',
    headers: auth(),
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    ...(payload === undefined
      ? {}
      : { headers: { ...auth(), 'content-type': 'application/json' } }),
  });

describe('/v1/projects/{project}/working-hours', () => {
  it('is null until set, round-trips, shows in the whole document, and null clears it', async () => {
    expect((await putProject(h, 'acme', memoryDocument())).statusCode).toBe(201);
    expect((await call('GET')).json()).toBeNull();
    expect((await call('PUT', WEEK)).statusCode).toBe(200);
    expect((await call('GET')).json()).toEqual(WEEK);
    const whole = await h.app.inject({ method: 'GET', url: '/v1/projects/acme', headers: auth() });
    expect(whole.json<{ project: { workingHours: unknown } }>().project.workingHours).toEqual(WEEK);
    expect((await call('PUT', null)).statusCode).toBe(200);
    expect((await call('GET')).json()).toBeNull();
  });

  it('refuses a wrong schedule with 422 naming the member, and keeps what was stored', async () => {
    await putProject(h, 'acme', memoryDocument());
    await call('PUT', WEEK);
    const refused = await call('PUT', { week: { tue: [{ from: '18:00', to: '09:00' }] } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ problems: { path: string; message: string }[] }>().problems).toEqual([
      {
        path: 'week.tue[0]',
        message: '"from" (18:00) must be before "to" (09:00)',
      },
    ]);
    expect((await call('GET')).json()).toEqual(WEEK);
  });
});
