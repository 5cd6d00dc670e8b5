import type { Snapshot } from '../domain/snapshot.js';
import type { CrmPort, Result } from './port.js';

/**
 * What a sandbox CRM offers beyond the production port: its whole content as
 * the neutral snapshot (scenario-format §4). Only the in-memory CRM and an
 * emulator can answer it (a real CRM has no such read), so the worker and the
 * service never see it; `simulate`, `simulate --via http` and the tests do.
 */
export interface Snapshotting {
  snapshot(): Promise<Result<Snapshot>>;
}

/** A CRM port that can also show its content: the in-memory CRM, or an adapter paired with its emulator. */
export type SandboxCrm = CrmPort & Snapshotting;
