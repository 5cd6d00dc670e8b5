import { Database } from '../src/store/sqlite/driver.js';
import Fastify from 'fastify';

// The yardstick of bench/realistic.ts (issue 10): the simplest durable ingest
// server — fastify, one SQLite file in WAL with synchronous=FULL, one
// transaction (one fsync) per request, 202 after the commit. No auth, no
// validation, no workers. Usage: tsx bench/naive-server.ts PORT FILE

const [port = '0', file = 'naive.db'] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS events (event_id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT OR IGNORE INTO events (event_id, body) VALUES (?, ?)');
const commit = db.transaction((events: ReadonlyArray<Record<string, unknown>>) => {
  let accepted = 0;
  for (const event of events)
    accepted += insert.run(String(event['eventId']), JSON.stringify(event)).changes;
  return accepted;
});

const app = Fastify({ bodyLimit: 10 * 1024 * 1024 });
app.post('/events', (request, reply) => {
  const body = request.body as Record<string, unknown> | Array<Record<string, unknown>>;
  const events = Array.isArray(body) ? body : [body];
  const accepted = commit(events);
  void reply.code(202).send({ accepted, duplicates: events.length - accepted });
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => db.close()));
