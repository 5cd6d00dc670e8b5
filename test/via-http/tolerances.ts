import type { CrmId } from '../../src/domain/crm-id.js';
import type { CanonicalRun } from './canonical.js';

// What a CRM's storage adds that the in-memory CRM does not carry, forgiven
// when a run through the CRM's adapter and emulator is compared with
// `simulate` (the catalogue over HTTP, the scenarios through the service).

/**
 * A difference a CRM's storage makes that the neutral model does not carry.
 * Each one is named, says why, and touches only what it must: it changes the
 * via-http side only where the in-memory side has nothing.
 */
export interface Tolerance {
  readonly name: string;
  readonly why: string;
  apply(expected: CanonicalRun, actual: CanonicalRun): void;
}

const zohoDefaultOwner: Tolerance = {
  name: 'zoho-default-owner',
  why:
    "Every Zoho record has an owner; one written without one belongs to the connection's user (crm-apis.md §1.5), the emulator's first user. " +
    'Where the in-memory record has no owner / user / assignee, the Zoho record may show that user, and no other.',
  apply(expected, actual) {
    const connectionUser = 'users#1';
    for (const [collection, records] of Object.entries(actual.crm_state)) {
      records.forEach((record, index) => {
        const before = expected.crm_state[collection]?.[index] as
          Record<string, unknown> | undefined;
        if (!before || typeof record !== 'object' || record === null) return;
        const after = record as Record<string, unknown>;
        for (const field of ['ownerId', 'userId', 'assigneeId']) {
          if (after[field] === connectionUser && !(field in before)) delete after[field];
        }
      });
    }
  },
};

const pipedriveDefaultPipeline: Tolerance = {
  name: 'pipedrive-default-pipeline',
  why:
    'Every Pipedrive deal is in a pipeline; one the rules did not route is in the account’s default pipeline, ' +
    'which the emulator’s snapshot names (scenario-format.md §4). The in-memory CRM knows no account and names none: ' +
    'where its deal has no pipeline, the Pipedrive deal may name the default pipeline ("Pipeline"), and no other.',
  apply(expected, actual) {
    const defaultPipeline = 'Pipeline';
    (actual.crm_state['deals'] ?? []).forEach((record, index) => {
      const before = expected.crm_state['deals']?.[index] as Record<string, unknown> | undefined;
      const after = record as Record<string, unknown>;
      if (before && !('pipeline' in before) && after['pipeline'] === defaultPipeline)
        delete after['pipeline'];
    });
  },
};

interface JournalOperation {
  readonly op: string;
  readonly entity: string;
  id: string;
}

const pipedriveRecreatedCallLog: Tolerance = {
  name: 'pipedrive-recreated-call-log',
  why:
    'Pipedrive call logs cannot be edited: update_call_log (analytics, a late recording or leg) writes a new log and deletes the old one ' +
    '(docs/crm/pipedrive.md), so the journal entry that created the log names an id the CRM no longer has. Where the Pipedrive journal ' +
    'names a call log that is gone and the in-memory journal names calls#N there, it is taken as calls#N only when a later ' +
    'update_call_log of the Pipedrive journal names calls#N.',
  apply(expected, actual) {
    const operations = (journal: unknown[]): JournalOperation[][] =>
      journal.map((entry) => (entry as { operations: JournalOperation[] }).operations);
    const before = operations(expected.journal);
    const after = operations(actual.journal);
    after.forEach((entry, index) =>
      entry.forEach((operation, at) => {
        const wanted = before[index]?.[at];
        if (operation.op !== 'create_call_log' || !operation.id.startsWith('calls?') || !wanted)
          return;
        const updatedLater = after
          .slice(index + 1)
          .some((later) => later.some((o) => o.op === 'update_call_log' && o.id === wanted.id));
        if (updatedLater) operation.id = wanted.id;
      }),
    );
  },
};

export const TOLERATED: Record<CrmId, readonly Tolerance[]> = {
  zoho: [zohoDefaultOwner],
  retailcrm: [],
  pipedrive: [pipedriveDefaultPipeline, pipedriveRecreatedCallLog],
  salesforce: [],
};
