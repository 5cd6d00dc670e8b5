import { SnapshotSchema, type Snapshot } from '../domain/snapshot.js';
import { CrmError, err, ok, type CrmPort, type Result } from '../crm/port.js';
import type { Snapshotting } from '../crm/snapshotting.js';

/**
 * An emulator's neutral view, `GET {baseUrl}/_emulator/snapshot?timezone=…`
 * (the emulators' control API): times with the offsets of `timezone`. Not a CRM API
 * call: no credentials, no envelope, so no adapter makes it; the sandbox and
 * the tests read it next to the adapter they drive.
 */
export async function emulatorSnapshot(
  baseUrl: string,
  timezone: string,
): Promise<Result<Snapshot>> {
  const url = new URL(`/_emulator/snapshot?timezone=${encodeURIComponent(timezone)}`, baseUrl);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    return err(new CrmError('retryable', `GET /_emulator/snapshot: ${(error as Error).message}`));
  }
  if (!response.ok)
    return err(new CrmError('permanent', `GET /_emulator/snapshot: HTTP ${response.status}`));
  const parsed = SnapshotSchema.safeParse(await response.json());
  return parsed.success
    ? ok(parsed.data)
    : err(new CrmError('permanent', `GET /_emulator/snapshot: ${parsed.error.message}`));
}

/**
 * An adapter on its emulator, its content read from the emulator: what
 * `simulate --via http` and the equality tests drive. The adapter is the run's
 * own, so it is given the read rather than wrapped.
 */
export function onEmulator<Port extends CrmPort>(
  adapter: Port,
  baseUrl: string,
  timezone: string,
): Port & Snapshotting {
  return Object.assign(adapter, { snapshot: () => emulatorSnapshot(baseUrl, timezone) });
}
