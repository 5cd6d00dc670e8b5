import { runEmulate } from './emulate.js';
import { runServe } from './serve.js';
import { runSimulate } from './simulate.js';
import { runWorker } from './worker.js';

const USAGE = `usage: callmatrix <command>

commands:
  simulate SCENARIO_FILE [--format json] [--via http]   run a scenario through the engine (in-memory CRM, or a CRM emulator over HTTP)
  emulate CRM [--port N] [--host H]                     serve a CRM's REST API on loopback (zoho, retailcrm, pipedrive, salesforce)
  serve [--port 8080] [--host 127.0.0.1]               HTTP API + in-process workers (service.md)
  worker                                                workers only (PostgreSQL), for scale-out
`;

/** The CLI's wiring: argument parsing only; each command lives in its own file. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (text: string): void => void process.stdout.write(text);
  const err = (text: string): void => void process.stderr.write(`${text}\n`);
  switch (command) {
    case 'simulate':
      return runSimulate(rest, out, err);
    case 'serve':
      return runServe(rest, err);
    case 'worker':
      return runWorker(rest, err);
    case 'emulate':
      return runEmulate(rest, out, err);
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return command === undefined ? 2 : 0;
    default:
      err(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
