import { describe, expect, it } from 'vitest';
import { recordUrl } from './record-links';
import { outcomeDiff, SITUATIONS, situationEvents, type JournalEntry } from './situations';

const entry = (ops: string[], skipped: string[] = []): JournalEntry => ({
  eventId: 'e',
  type: 'call.ended',
  conditions: [],
  outcome: 'applied',
  operations: ops.map(
    (op) => ({ op, entity: 'deals', id: '1' }) as JournalEntry['operations'][number],
  ),
  skipped: skipped.map(
    (action) => ({ action, reason: 'r' }) as NonNullable<JournalEntry['skipped']>[number],
  ),
});

describe('what would happen', () => {
  it('builds the events of every situation with unique ids', () => {
    const now = new Date('2026-05-04T10:00:00Z');
    for (const situation of SITUATIONS) {
      const events = situationEvents({
        situation,
        phone: '0501234567',
        extension: '100',
        now,
        run: 'x',
      });
      expect(events.length).toBeGreaterThan(0);
      expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    }
    const missed = situationEvents({
      situation: 'incoming_missed',
      phone: '0501234567',
      extension: null,
      now,
      run: 'x',
    });
    expect(missed.at(-1)).toMatchObject({ type: 'call.ended', disposition: 'missed' });
    const answered = situationEvents({
      situation: 'incoming_answered',
      phone: '0501234567',
      extension: null,
      now,
      run: 'x',
    });
    expect(answered[1]).toMatchObject({ type: 'call.answered', employee: { extension: '9999' } });
  });

  it('lists what the unsaved matrix adds and takes away, counting repeats', () => {
    expect(
      outcomeDiff(
        [entry(['create_contact', 'create_deal'])],
        [entry(['create_contact', 'create_task'], ['create_deal'])],
      ),
    ).toEqual({
      added: ['create_task (deals)', 'skip create_deal: r'],
      removed: ['create_deal (deals)'],
    });
    expect(
      outcomeDiff([entry(['create_task', 'create_task'])], [entry(['create_task'])]).removed,
    ).toEqual(['create_task (deals)']);
  });

  it('links records into the CRM web UI where the pattern is known', () => {
    expect(recordUrl('pipedrive', 'https://acme.pipedrive.com/api/v2', 'deals', '42')).toBe(
      'https://acme.pipedrive.com/deal/42',
    );
    expect(recordUrl('salesforce', 'https://acme.my.salesforce.com', 'deals', '006A')).toBe(
      'https://acme.my.salesforce.com/lightning/r/Opportunity/006A/view',
    );
    expect(recordUrl('zoho', 'https://www.zohoapis.eu', 'leads', '123')).toBe(
      'https://crm.zoho.eu/crm/tab/Leads/123',
    );
    expect(recordUrl('pipedrive', 'https://acme.pipedrive.com', 'calls', '1')).toBeNull();
  });
});
