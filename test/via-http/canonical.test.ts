import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, simulate, type SimulationResult } from '../../src/sandbox/simulate.js';
import { canonicalRun } from './canonical.js';

// The catalogue comparison is "up to record ids": ids may differ, nothing else may.

async function pd01(): Promise<SimulationResult> {
  const loaded = await loadScenario(
    join(import.meta.dirname, '..', 'scenarios', 'pipedrive', 'PD-01.json'),
  );
  if (!loaded.ok) throw new Error('PD-01 does not load');
  return simulate(loaded.scenario);
}

/** The run with every contact id spelled differently, in records, links and the journal. */
function renamedContacts(run: SimulationResult): SimulationResult {
  const rename = (id: string | null | undefined): string | null | undefined =>
    id ? `contact-${id}-native` : id;
  const state = run.crm_state;
  return {
    crm_state: {
      ...state,
      contacts: state.contacts.map((contact) => ({
        ...contact,
        id: rename(contact.id) ?? contact.id,
      })),
      leads: state.leads.map((lead) => ({ ...lead, contactId: rename(lead.contactId) })),
      deals: state.deals.map((deal) => ({ ...deal, contactId: rename(deal.contactId) })),
      tasks: state.tasks.map((task) => ({ ...task, contactId: rename(task.contactId) })),
      comments: state.comments.map((comment) => ({
        ...comment,
        contactId: rename(comment.contactId),
      })),
      calls: state.calls.map((call) => ({ ...call, contactId: rename(call.contactId) })),
    },
    journal: run.journal.map((entry) => ({
      ...entry,
      operations: entry.operations.map((op) =>
        op.entity === 'contacts' ? { ...op, id: rename(op.id) ?? op.id } : op,
      ),
    })),
  };
}

describe('D12 comparison up to record ids', () => {
  it('ids spelled differently everywhere compare equal', async () => {
    const run = await pd01();
    expect(run.crm_state.contacts.length).toBeGreaterThan(0);
    expect(canonicalRun(renamedContacts(run))).toEqual(canonicalRun(run));
  });

  it('a changed phone, a dropped link or a different owner does not', async () => {
    const run = await pd01();
    const [contact, ...others] = run.crm_state.contacts;
    if (!contact) throw new Error('PD-01 creates a contact');
    const variants: SimulationResult[] = [
      {
        ...run,
        crm_state: {
          ...run.crm_state,
          contacts: [{ ...contact, phones: ['+380000000000'] }, ...others],
        },
      },
      {
        ...run,
        crm_state: {
          ...run.crm_state,
          calls: run.crm_state.calls.map((call) => ({ ...call, contactId: null })),
        },
      },
      {
        ...run,
        crm_state: {
          ...run.crm_state,
          contacts: [{ ...contact, ownerId: 'u1' === contact.ownerId ? 'u2' : 'u1' }, ...others],
        },
      },
    ];
    for (const variant of variants) expect(canonicalRun(variant)).not.toEqual(canonicalRun(run));
  });
});
