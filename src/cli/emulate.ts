import { CRM_IDS, type CrmId } from '../domain/crm-id.js';
import { EMULATORS } from '../sandbox/emulators.js';

// `callmatrix emulate CRM [--port N] [--host H]` (service.md §7): serves the CRM's API on
// loopback and prints one line of JSON as soon as it listens; runs until SIGTERM or SIGINT.

export async function runEmulate(
  args: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const crm = args[0];
  if (!crm || !(CRM_IDS as readonly string[]).includes(crm)) {
    err(`usage: callmatrix emulate ${CRM_IDS.join('|')} [--port N] [--host 127.0.0.1]`);
    return 2;
  }
  const portText = valueOf(args, '--port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    err(`--port: expected a port number, got "${portText}"`);
    return 2;
  }
  const host = valueOf(args, '--host') ?? '127.0.0.1';
  const emulator = await EMULATORS[crm as CrmId].serve({ port, host });
  out(`${JSON.stringify({ crm, baseUrl: emulator.baseUrl, connection: emulator.connection })}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await emulator.close();
  return 0;
}

function valueOf(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
