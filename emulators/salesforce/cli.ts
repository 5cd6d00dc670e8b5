import { startSalesforceEmulator } from './server.js';

/**
 * `callmatrix emulate salesforce` (service.md §7): listens, prints one JSON
 * line `{ crm, baseUrl, connection }`, runs until SIGTERM or SIGINT.
 */
export async function emulateSalesforce(
  options: { port?: number; host?: string },
  out: (line: string) => void,
): Promise<void> {
  const emulator = await startSalesforceEmulator(options);
  out(
    `${JSON.stringify({ crm: 'salesforce', baseUrl: emulator.baseUrl, connection: emulator.connection })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await emulator.close();
}
