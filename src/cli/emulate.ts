import { CRM_IDS, type CrmId } from '../domain/crm-id.js';
import { startPipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { startRetailcrmEmulator } from '../../emulators/retailcrm/index.js';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';
import { startZohoEmulator } from '../../emulators/zoho/index.js';

// `callmatrix emulate CRM [--port N] [--host H]` (service.md §7): serves the CRM's API on
// loopback and prints one line of JSON as soon as it listens; runs until SIGTERM or SIGINT.

export interface RunningEmulator {
  readonly baseUrl: string;
  readonly connection: unknown;
  close(): Promise<void>;
}

type Start = (options: { port?: number; host?: string }) => Promise<RunningEmulator>;

/** Every CRM has an emulator, or the build fails. */
export const EMULATORS = {
  zoho: startZohoEmulator,
  pipedrive: startPipedriveEmulator,
  retailcrm: startRetailcrmEmulator,
  salesforce: startSalesforceEmulator,
} as const satisfies Record<CrmId, Start>;

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
  const emulator = await EMULATORS[crm as CrmId]({ port, host });
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
