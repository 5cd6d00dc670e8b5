import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../src/service/admin/project-store.js';
import { parseDocument } from '../../src/service/admin/document.js';
import { buildApp } from '../../src/service/app.js';
import { generateSecretKey, SecretBox } from '../../src/service/crypto/secret-box.js';
import { openTestStore, type TestStore } from '../support/test-store.js';

// Issue 11 item 11: slow and unauthenticated bodies. Raw sockets, since an
// HTTP client would neither trickle nor abandon a body on purpose.

const TOKEN = 'slow-bodies-webhook-token-0123456789';
let opened: TestStore;
let app: FastifyInstance;
let port = 0;

beforeAll(async () => {
  opened = await openTestStore('slow');
  const projects = new ProjectStore(opened.store, SecretBox.fromBase64(generateSecretKey()));
  const parsed = parseDocument({
    crm: 'pipedrive',
    project: { defaultCountry: 'UA', timezone: 'Europe/Kyiv' },
    employees: [],
    connection: { kind: 'memory' },
    webhook: { token: TOKEN, signingSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  await projects.save('acme', parsed.value, new Date());
  app = await buildApp({
    store: opened.store,
    settings: { maxBodyBytes: 1024 * 1024, ingestRatePerSec: 0, requestTimeoutMs: 2000 },
    projects,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  await opened.close();
});

/** Opens a socket and sends an events POST's head; the body is the caller's to send (or not). */
async function startUpload(token: string, length: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  socket.write(
    [
      'POST /v1/projects/acme/events HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      `Authorization: Bearer ${token}`,
      `Content-Length: ${length}`,
      '',
      '',
    ].join('\r\n'),
  );
  return socket;
}

/** What the server sent before it closed the socket, or `open` if it is still open after `ms`. */
function outcome(socket: Socket, ms: number): Promise<{ answer: string; closed: boolean }> {
  return new Promise((resolve) => {
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    const timer = setTimeout(() => resolve({ answer, closed: false }), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ answer, closed: true });
    });
  });
}

describe('security: slow and unauthenticated bodies (issue 11 item 11)', () => {
  it('a body trickling one byte every 10 s is cut off (408) once the request timeout passes', async () => {
    const socket = await startUpload(TOKEN, 200);
    socket.write('[');
    const trickle = setInterval(() => socket.write(' '), 10_000);
    try {
      const started = Date.now();
      const { answer, closed } = await outcome(socket, 8000);
      expect(closed).toBe(true);
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });

  it('a wrong bearer token is refused (401) before the body is read', async () => {
    const socket = await startUpload('not-the-token', 1024 * 1024);
    try {
      // Not one byte of the megabyte is sent: the answer cannot have waited for it.
      const { answer } = await outcome(socket, 3000);
      expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
      expect(answer).toContain('urn:callmatrix:unauthorized');
    } finally {
      socket.destroy();
    }
    expect(await opened.store.countEvents('acme')).toMatchObject({ pending: 0 });
  });

  it('memory returns to its level after 100 abandoned 1 MB uploads (heap after GC, 32 MB margin)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const settledHeap = async (): Promise<number> => {
      for (let i = 0; i < 3; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        gc();
      }
      return process.memoryUsage().heapUsed;
    };
    const before = await settledHeap();
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let i = 0; i < 100; i += 1) {
      // Half with the right token (the body is buffered), half with a wrong one (refused first).
      const socket = await startUpload(i % 2 === 0 ? TOKEN : 'wrong-token', 1024 * 1024);
      for (let sent = 0; sent < 15; sent += 1) socket.write(chunk); // 960 KiB of 1 MiB
      await new Promise((resolve) => setTimeout(resolve, 10));
      socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await settledHeap();
    expect(after - before).toBeLessThan(32 * 1024 * 1024);
  });
});
