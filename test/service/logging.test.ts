import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/config/settings.js';
import { buildApp } from '../../src/service/app.js';
import { redactUrl } from '../../src/service/ops/request-log.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

// Issue 11 item 7: LOG_LEVEL / --log-level, one log line per request, and
// logged URLs with every query value redacted.

let opened: TestStore | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

async function appLogging(level: string) {
  opened = await openTestStore('log');
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n'))
        if (text.trim() !== '') lines.push(JSON.parse(text) as Record<string, unknown>);
      done();
    },
  });
  const app = await buildApp({
    store: opened.store,
    settings: { maxBodyBytes: 1024 * 1024, ingestRatePerSec: 0 },
    projects: { get: () => Promise.resolve(null) },
    logger: { level, stream },
  });
  return { app, lines };
}

describe('request logging (issue 11 item 7)', () => {
  it('one line per request; query values redacted (no webhook token, no caller phone)', async () => {
    const { app, lines } = await appLogging('info');
    await app.inject({ method: 'GET', url: '/v1/projects/acme/route?caller=%2B380501112233' });
    await app.inject({
      method: 'POST',
      url: '/v1/projects/acme/events?token=tok_secret_0123456789',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    await app.close();
    const requests = lines.filter((line) => 'url' in line || 'req' in line || 'res' in line);
    expect(requests).toHaveLength(2);
    expect(requests.map((line) => line['url'])).toEqual([
      '/v1/projects/acme/route?caller=[redacted]',
      '/v1/projects/acme/events?token=[redacted]',
    ]);
    expect(requests.map((line) => line['statusCode'])).toEqual([404, 401]);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('380501112233');
    expect(text).not.toContain('tok_secret');
  });

  it('LOG_LEVEL=warn leaves out the info lines', async () => {
    const { app, lines } = await appLogging('warn');
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.close();
    expect(lines).toEqual([]);
  });

  it('redactUrl keeps the path and the names, drops every value', () => {
    expect(redactUrl('/a/b')).toBe('/a/b');
    expect(redactUrl('/r?caller=1&x&y=2')).toBe('/r?caller=[redacted]&x&y=[redacted]');
  });

  it('LOG_LEVEL and --log-level (the flag wins); an unknown level names its origin', () => {
    const fromEnv = parseSettings({ LOG_LEVEL: 'debug' });
    expect(fromEnv.ok && fromEnv.value.logLevel).toBe('debug');
    const fromFlag = parseSettings({ LOG_LEVEL: 'debug' }, ['--log-level', 'warn']);
    expect(fromFlag.ok && fromFlag.value.logLevel).toBe('warn');
    const byDefault = parseSettings({});
    expect(byDefault.ok && byDefault.value.logLevel).toBe('info');
    const bad = parseSettings({ LOG_LEVEL: 'loud' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.path).toBe('LOG_LEVEL');
  });
});
