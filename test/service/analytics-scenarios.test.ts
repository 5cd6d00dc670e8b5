import { describe, expect, it } from 'vitest';
import {
  expectSameAsSimulate,
  expectScenarioExpectations,
  runThroughService,
} from './scenario-run.js';

// Issue 14 item 5 (G12, G11) through the service: the AI analytics destination
// (deal, call, both) and the messenger field map's slots, each scenario posted
// over HTTP, worked off by the worker and written by the CRM's adapter into its
// emulator; what lands is what `simulate` prints and what the scenario expects.
// SQLite, and PostgreSQL with CALLMATRIX_TEST_BACKEND=postgres.

const ANALYTICS = [
  'rules/G12-analytics', // zoho, both (the default)
  'rules/G12-analytics-to-call-zoho',
  'rules/G12-analytics-to-call-salesforce',
  'rules/G12-analytics-to-call-retailcrm',
  'rules/G12-analytics-to-deal-pipedrive',
  'rules/G12-analytics-both-retailcrm',
];
const MESSENGER = [
  'rules/G11-messenger-field-map', // zoho
  'rules/G11-messenger-slots-salesforce',
  'rules/G11-messenger-slots-pipedrive',
  'rules/G11-messenger-slots-retailcrm',
];

describe('analytics destination and messenger field map through the service (issue 14 item 5)', () => {
  it.each([...ANALYTICS, ...MESSENGER])(
    '%s',
    async (name) => {
      const run = await runThroughService(name);
      expectScenarioExpectations(run);
      expectSameAsSimulate(run);
    },
    60_000,
  );

  it('retailCRM, destination both: the note on the customer, and the journal says the call log took none', async () => {
    const run = await runThroughService('rules/G12-analytics-both-retailcrm');
    const [note] = run.result.crm_state.comments;
    expect(note?.text).toContain('Call analytics');
    const analytics = run.result.journal.find((entry) => entry.type === 'analytics.ready');
    expect(analytics?.operations.map((operation) => operation.op)).toEqual(['create_comment']);
    expect(analytics?.skipped).toEqual([
      {
        action: 'call_log',
        reason: "the CRM's call log keeps no text for the analytics: they are in the comment only",
      },
    ]);
  }, 60_000);
});
