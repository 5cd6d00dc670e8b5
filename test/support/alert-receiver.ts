import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// An operator's alert endpoint on 127.0.0.1: records what it receives and
// answers with the status (and Location) the test sets.

export interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface AlertReceiver {
  readonly url: string;
  readonly received: Received[];
  /** The answers to give, in order; the last one repeats. */
  answers: Array<{ status: number; location?: string }>;
  close(): Promise<void>;
}

export async function alertReceiver(): Promise<AlertReceiver> {
  const received: Received[] = [];
  const receiver: AlertReceiver = {
    url: '',
    received,
    answers: [{ status: 204 }],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = receiver.answers.length > 1 ? receiver.answers.shift() : receiver.answers[0];
      response.statusCode = answer?.status ?? 204;
      if (answer?.location) response.setHeader('location', answer.location);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, { url: `http://127.0.0.1:${port}/alerts` });
}
