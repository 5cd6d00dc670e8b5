import { readFile } from 'node:fs/promises';
import { ReplayLineSchema, type ReplayLine } from '../service/admin/replay-contract.js';
import type { ParsedArgs } from './args.js';
import type { Io } from './commands.js';

// `callmatrix replay PROJECT --from … --to … [--matrix FILE | --candidate FILE]`:
// POST /v1/projects/{project}/replay on a running service, its NDJSON answer
// read line by line as it streams and printed as one line per call that
// would differ (or passed through with --json). Exit 0 answered, 1 refused or
// unreachable, 2 bad arguments.

export async function runReplay(args: ParsedArgs, io: Io): Promise<number> {
  const project = args.positionals[0] ?? '';
  const from = str(args.values['from']);
  const to = str(args.values['to']);
  if (!from || !to) {
    io.err('replay: --from and --to are required (ISO 8601 times with offset)');
    return 2;
  }
  const candidate = await readCandidate(args, io);
  if (candidate === null) return 2;
  const base =
    str(args.values['url']) ??
    process.env['CALLMATRIX_URL'] ??
    `http://127.0.0.1:${process.env['PORT'] ?? '8080'}`;
  const key =
    str(args.values['key']) ??
    process.env['CALLMATRIX_API_KEY'] ??
    process.env['CALLMATRIX_ADMIN_KEY'];
  let response: Response;
  try {
    response = await fetch(
      `${base.replace(/\/$/, '')}/v1/projects/${encodeURIComponent(project)}/replay`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key !== undefined && { authorization: `Bearer ${key}` }),
        },
        body: JSON.stringify({ from, to, ...candidate }),
      },
    );
  } catch (error) {
    io.err(`replay: cannot reach the service at ${base}: ${(error as Error).message}`);
    return 1;
  }
  if (!response.ok || !response.body) {
    io.err(`replay: ${response.status} ${await problemText(response)}`);
    return 1;
  }
  let failed = false;
  for await (const text of ndjsonLines(response.body)) {
    if (args.values['json'] === true) io.out(`${text}\n`);
    const parsed = ReplayLineSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      io.err(`replay: an answer line not understood: ${text}`);
      return 1;
    }
    if (parsed.data.kind === 'error') failed = true;
    if (args.values['json'] !== true) io.out(`${describe(parsed.data)}\n`);
  }
  return failed ? 1 : 0;
}

/** `--matrix FILE`: the matrix alone; `--candidate FILE`: `{ "project": {…}, "employees": […] }`. */
async function readCandidate(args: ParsedArgs, io: Io): Promise<Record<string, unknown> | null> {
  const matrix = str(args.values['matrix']);
  const candidate = str(args.values['candidate']);
  if (matrix && candidate) {
    io.err('replay: give --matrix or --candidate, not both');
    return null;
  }
  const file = matrix ?? candidate;
  if (!file) return {};
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.err(`${file}: ${(error as Error).message}`);
    return null;
  }
  if (matrix) return { project: { matrix: value } };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    io.err(`${file}: expected an object { "project": { … }, "employees": [ … ] }`);
    return null;
  }
  return value as Record<string, unknown>;
}

/** The answer's lines as they arrive. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, end).trim();
      buffered = buffered.slice(end + 1);
      if (line) yield line;
    }
  }
  if (buffered.trim()) yield buffered.trim();
}

function describe(line: ReplayLine): string {
  switch (line.kind) {
    case 'call': {
      const what = line.callId === null ? 'event' : `call ${line.callId}`;
      const changes = line.changes.map((change) => {
        const parts = [
          ...(change.outcome ? [`outcome ${change.outcome.before} → ${change.outcome.after}`] : []),
          ...change.added.map((op) => `+ ${shown(op)}`),
          ...change.removed.map((op) => `- ${shown(op)}`),
          ...change.changed.map((pair) => `~ ${shown(pair.before)} → ${shown(pair.after)}`),
        ];
        return `  ${change.eventId} (${change.type}): ${parts.join('; ')}`;
      });
      return [`${what} (${line.events} events replayed):`, ...changes].join('\n');
    }
    case 'totals':
      return (
        `${line.events} events of ${line.calls} calls replayed; ${line.callsDiffering} would differ: ` +
        `${line.added} operations added, ${line.removed} removed, ${line.changed} changed, ` +
        `${line.outcomes} outcomes changed` +
        (line.undecided > 0 ? `; ${line.undecided} events failed before they were decided` : '')
      );
    case 'error':
      return `error: ${line.message}`;
  }
}

/** An operation in a few words: its kind and the title, text or name it carries. */
function shown(operation: { op: string } & Record<string, unknown>): string {
  const record = operation['record'];
  if (typeof record === 'object' && record !== null) {
    const fields = record as Record<string, unknown>;
    const label = fields['title'] ?? fields['name'] ?? fields['text'];
    if (typeof label === 'string') return `${operation.op} "${firstLine(label)}"`;
  }
  return operation.op;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

async function problemText(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as {
      detail?: string;
      problems?: { path: string; message: string }[];
    };
    const problems = (body.problems ?? []).map((p) => `${p.path}: ${p.message}`);
    return [body.detail ?? response.statusText, ...problems].join('\n  ');
  } catch {
    return text || response.statusText;
  }
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
