import type { CrmId } from '../domain/crm-id.js';
import { startPipedriveEmulator } from '../../emulators/pipedrive/index.js';
import { startRetailcrmEmulator } from '../../emulators/retailcrm/index.js';
import { startSalesforceEmulator } from '../../emulators/salesforce/index.js';
import { startZohoEmulator } from '../../emulators/zoho/index.js';

// Each CRM's emulator (service.md §7), for `callmatrix emulate` and for
// `simulate --via http`. Every CRM has one, or the build fails.

export interface RunningEmulator {
  readonly baseUrl: string;
  readonly connection: unknown;
  close(): Promise<void>;
}

export interface EmulatorStarter {
  /** Serves the CRM's API as the CRM limits it. */
  serve(options: { port?: number; host?: string }): Promise<RunningEmulator>;
  /**
   * For a replay: the emulators' rate limits have tests of their own; a
   * simulation runs in milliseconds what real traffic spreads over minutes,
   * so they are opened wide.
   */
  replay(): Promise<RunningEmulator>;
}

export const EMULATORS = {
  zoho: {
    serve: startZohoEmulator,
    replay: () => startZohoEmulator({ maxConcurrent: 1_000, creditsPerDay: 10_000_000 }),
  },
  retailcrm: {
    serve: startRetailcrmEmulator,
    replay: () => startRetailcrmEmulator({ ratePerSec: 100_000, telephonyRatePerSec: 100_000 }),
  },
  pipedrive: {
    serve: startPipedriveEmulator,
    replay: () => startPipedriveEmulator({ burstPer2s: 100_000 }),
  },
  salesforce: {
    serve: startSalesforceEmulator,
    replay: () => startSalesforceEmulator({ dailyLimit: 10_000_000 }),
  },
} as const satisfies Record<CrmId, EmulatorStarter>;
