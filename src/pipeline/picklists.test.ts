import { describe, expect, it } from 'vitest';
import type { Operation } from '../domain/plan.js';
import { ok, type CrmPort, type Picklists } from './crm-port.js';
import { holdToPicklists } from './picklists.js';

// Issue 14 item 4: at write time a mapped value outside the CRM's picklist is left out of the
// record with a note; the rest of the record is written. The picklists are read again after a
// minute, so a value removed from the picklist in the CRM is caught.

function portWith(lists: () => Picklists): CrmPort & { reads: number } {
  const port = {
    reads: 0,
    findClient: () => Promise.reject(new Error('not used')),
    apply: () => Promise.reject(new Error('not used')),
    listUsers: () => Promise.resolve(ok([])),
    picklists: () => {
      port.reads += 1;
      return Promise.resolve(ok(lists()));
    },
  };
  return port;
}

const lead = (fields: Record<string, string>): Operation => ({
  key: 'e1#0',
  op: 'create_lead',
  record: {
    name: 'Ivan',
    phones: ['+380501112233'],
    contactId: null,
    ownerId: 'u1',
    status: 'open',
    fields,
  },
});

describe('holdToPicklists (issue 14 item 4)', () => {
  it('keeps picklist values and text fields; leaves out a value the picklist lacks, with a note', async () => {
    const port = portWith(() => new Map([['LeadSource', ['Web', 'Other']]]));
    const kept = await holdToPicklists(lead({ LeadSource: 'Web', Campaign__c: 'winter' }), port);
    expect(kept.ok && kept.value.notes).toEqual([]);
    const held = await holdToPicklists(lead({ LeadSource: 'bing', Campaign__c: 'winter' }), port);
    if (!held.ok) throw new Error('no picklists');
    expect(held.value.operation).toMatchObject({ record: { fields: { Campaign__c: 'winter' } } });
    expect(held.value.operation.op === 'create_lead' && held.value.operation.record.fields).toEqual(
      {
        Campaign__c: 'winter',
      },
    );
    expect(held.value.notes).toEqual([
      'LeadSource: "bing" is not a value of the CRM\'s picklist; the field was left out of the record',
    ]);
    expect(port.reads).toBe(1);
  });

  it('a value that left the picklist in the CRM is left out once the picklists are read again (after a minute)', async () => {
    let values = ['Web', 'Phone Inquiry'];
    const port = portWith(() => new Map([['LeadSource', values]]));
    const at = Date.parse('2026-11-20T10:00:00Z');
    const first = await holdToPicklists(lead({ LeadSource: 'Phone Inquiry' }), port, at);
    expect(first.ok && first.value.notes).toEqual([]);
    values = ['Web'];
    const later = await holdToPicklists(lead({ LeadSource: 'Phone Inquiry' }), port, at + 61_000);
    if (!later.ok) throw new Error('no picklists');
    expect(later.value.notes).toHaveLength(1);
    expect(
      later.value.operation.op === 'create_lead' && 'fields' in later.value.operation.record,
    ).toBe(false);
    expect(port.reads).toBe(2);
  });

  it('operations without mapped fields do not ask the CRM', async () => {
    const port = portWith(() => new Map());
    await holdToPicklists(lead({}), port);
    expect(port.reads).toBe(0);
  });
});
