import { CRM_IDS } from '../domain/crm-id.js';
import type { ArgsSpec, ParsedArgs } from './args.js';
import { runCheck } from './check.js';
import { runEmulate } from './emulate.js';
import { runInit } from './init.js';
import { runReplay } from './replay.js';
import { runServe } from './serve.js';
import { runSimulate } from './simulate.js';
import { runWorker } from './worker.js';

// Every command: its arguments (parsed strictly in main.ts, shown by --help) and
// how it runs. The command files keep their own argv form; `forward` rebuilds it
// from what was parsed, so only well-formed arguments ever reach them.

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (line: string) => void;
}

export interface Command extends ArgsSpec {
  readonly summary: string;
  /** Reads settings, so `.env` in the working directory is loaded first. */
  readonly readsEnvFile: boolean;
  readonly details?: string;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** `--name value` for every string option given, `--name` for every boolean one set. */
export function forward(args: ParsedArgs): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(args.values)) {
    if (name === 'help' || value === undefined || value === false) continue;
    if (value === true) out.push(`--${name}`);
    else out.push(`--${name}`, value);
  }
  return out;
}

const settingsFlags = {
  'database-url': {
    type: 'string',
    value: 'URL',
    description: 'sqlite:PATH or postgres://… (CALLMATRIX_DATABASE_URL)',
  },
  concurrency: {
    type: 'string',
    value: 'N',
    description: 'events one process works on at once (CALLMATRIX_WORKER_CONCURRENCY)',
  },
} as const;

export const COMMANDS: Readonly<Record<string, Command>> = {
  init: {
    summary: 'write a commented project document and a .env to start from',
    positionals: [],
    options: {
      crm: {
        type: 'string',
        value: 'CRM',
        choices: CRM_IDS,
        description: `the project's CRM, whose default matrix is spelled out (default zoho)`,
      },
      out: {
        type: 'string',
        value: 'FILE',
        description: 'where to write the project document (default project.json)',
      },
      force: { type: 'boolean', description: 'overwrite files that exist' },
    },
    readsEnvFile: false,
    details:
      'Writes the project document (with "$schema", so an editor completes it) and .env from .env.example; an existing file is left alone unless --force.',
    run: (args, io) => runInit(args, io),
  },
  check: {
    summary: 'validate a project document and check it against its CRM',
    positionals: [{ name: 'PROJECT_FILE', description: 'the project document (JSON)' }],
    options: {},
    readsEnvFile: true,
    details:
      'Validates the document, reaches the CRM with its connection and reports employees whose CRM user does not exist, mapped fields the CRM lacks and pipelines it does not have. Exit 0 only when all is well, 1 when the CRM disagrees or cannot be reached, 2 when the document is invalid.',
    run: (args, io) => runCheck(args, io),
  },
  simulate: {
    summary: 'run a scenario through the engine and print the CRM state and journal',
    positionals: [
      { name: 'SCENARIO_FILE', description: 'a scenario (JSON, or YAML for .yaml/.yml)' },
    ],
    options: {
      format: {
        type: 'string',
        value: 'FORMAT',
        choices: ['json'],
        description: 'output format (json)',
      },
      via: {
        type: 'string',
        value: 'http',
        choices: ['http'],
        description: "run through the CRM's real adapter against its emulator on loopback",
      },
    },
    readsEnvFile: false,
    run: (args, io) => runSimulate([args.positionals[0] ?? '', ...forward(args)], io.out, io.err),
  },
  serve: {
    summary: 'the HTTP API and in-process workers',
    positionals: [],
    options: {
      port: { type: 'string', value: 'N', description: 'listen port (PORT, default 8080)' },
      host: {
        type: 'string',
        value: 'HOST',
        description: 'listen address (HOST, default 127.0.0.1)',
      },
      'no-workers': {
        type: 'boolean',
        description:
          'ingest and API only; `callmatrix worker` processes do the work (CALLMATRIX_SERVE_WORKERS=false)',
      },
      ...settingsFlags,
    },
    readsEnvFile: true,
    details:
      'Every setting is an environment variable (docs/configuration.md); flags win over the environment, which wins over .env.',
    run: (args, io) => runServe(forward(args), io.err),
  },
  worker: {
    summary: 'workers only (PostgreSQL), for more processes or machines',
    positionals: [],
    options: settingsFlags,
    readsEnvFile: true,
    run: (args, io) => runWorker(forward(args), io.err),
  },
  replay: {
    summary: 'what a candidate matrix would have done with the events of a past range',
    positionals: [{ name: 'PROJECT', description: 'the project id' }],
    options: {
      from: {
        type: 'string',
        value: 'TIME',
        description: "the range's start, ISO 8601 with offset",
      },
      to: { type: 'string', value: 'TIME', description: "the range's end, ISO 8601 with offset" },
      matrix: { type: 'string', value: 'FILE', description: 'a candidate matrix (JSON)' },
      candidate: {
        type: 'string',
        value: 'FILE',
        description: 'members to try instead: { "project": { … }, "employees": [ … ] } (JSON)',
      },
      url: {
        type: 'string',
        value: 'URL',
        description: 'the running service (CALLMATRIX_URL, default http://127.0.0.1:$PORT)',
      },
      key: {
        type: 'string',
        value: 'KEY',
        description: 'a project or operator key (CALLMATRIX_API_KEY, else CALLMATRIX_ADMIN_KEY)',
      },
      json: { type: 'boolean', description: "print the service's NDJSON lines as they are" },
    },
    readsEnvFile: true,
    details:
      'Asks a running service (POST /v1/projects/{project}/replay) to decide the events of the range again with the candidate, each against the client context it was decided on; nothing is written and no CRM is asked. Prints each call whose operations would differ (+ added, - removed, ~ changed), then the totals. Exit 0 answered, 1 refused or unreachable, 2 bad arguments.',
    run: (args, io) => runReplay(args, io),
  },
  emulate: {
    summary: "serve a CRM's REST API on loopback and print a connection to paste",
    positionals: [{ name: 'CRM', description: CRM_IDS.join(', '), choices: CRM_IDS }],
    options: {
      port: { type: 'string', value: 'N', description: 'listen port (default: a free one)' },
      host: { type: 'string', value: 'HOST', description: 'listen address (default 127.0.0.1)' },
    },
    readsEnvFile: false,
    run: (args, io) => runEmulate([args.positionals[0] ?? '', ...forward(args)], io.out, io.err),
  },
};
