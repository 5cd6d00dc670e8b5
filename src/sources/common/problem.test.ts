import { describe, expect, it } from 'vitest';
import { PROBLEM_KINDS, problemBody, problemStatus } from './problem.js';

describe('problem+json bodies (service.md §4, RFC 9457)', () => {
  it('builds the invalid-events body exactly as the spec example', () => {
    const body = problemBody('invalid-events', {
      problems: [
        { path: '[3].from', message: 'expected a non-empty string' },
        { path: '[5].type', message: 'unknown event type "call.paused"' },
      ],
    });
    expect(body).toEqual({
      type: 'urn:callmatrix:invalid-events',
      title: 'Invalid events',
      status: 422,
      detail: '2 problems',
      problems: [
        { path: '[3].from', message: 'expected a non-empty string' },
        { path: '[5].type', message: 'unknown event type "call.paused"' },
      ],
    });
  });

  it('gives every ingest check its status: 413, 415, 401, 400, 422, 429, 503', () => {
    expect(problemStatus('payload-too-large')).toBe(413);
    expect(problemStatus('unsupported-media-type')).toBe(415);
    expect(problemStatus('unauthorized')).toBe(401);
    expect(problemStatus('not-json')).toBe(400);
    expect(problemStatus('invalid-events')).toBe(422);
    expect(problemStatus('rate-limited')).toBe(429);
    expect(problemStatus('store-unavailable')).toBe(503);
  });

  it('leaves out what was not given and keeps a given detail', () => {
    expect(problemBody('unauthorized')).toEqual({
      type: 'urn:callmatrix:unauthorized',
      title: 'Unauthorized',
      status: 401,
    });
    expect(problemBody('rate-limited', { detail: 'slow down', retryAfterSec: 2 })).toMatchObject({
      detail: 'slow down',
      retryAfterSec: 2,
    });
    expect(problemBody('invalid-events', { problems: [{ path: 'x', message: 'y' }] }).detail).toBe(
      '1 problem',
    );
  });

  it('copies only path and message of each problem into the body', () => {
    const leaky = { path: 'a', message: 'b', secret: 'whsec_x' };
    expect(problemBody('invalid-document', { problems: [leaky] }).problems).toEqual([
      { path: 'a', message: 'b' },
    ]);
  });

  it('has one URN per kind, all under urn:callmatrix:', () => {
    const types = PROBLEM_KINDS.map((kind) => problemBody(kind).type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^urn:callmatrix:[a-z-]+$/);
  });
});
