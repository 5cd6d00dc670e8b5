import { describe, expect, it } from 'vitest';
import { catalogFields, catalogPipelines } from './catalog.js';

describe('Salesforce catalog mapping (service.md §2, G8, G9)', () => {
  it('G8: fields by API name; string and textarea are string fields, the rest named by kind', () => {
    expect(
      catalogFields([
        { name: 'UTM_Campaign__c', label: 'UTM Campaign', type: 'string', isString: true },
        { name: 'Description', label: 'Description', type: 'textarea', isString: true },
        { name: 'Amount', label: 'Amount', type: 'currency', isString: false },
        { name: 'CloseDate', label: 'Close Date', type: 'date', isString: false },
        { name: 'IsPrivate', label: 'Private', type: 'boolean', isString: false },
        { name: 'LeadSource', label: 'Lead Source', type: 'picklist', isString: false },
        { name: 'OwnerId', label: 'Owner ID', type: 'reference', isString: false },
      ]),
    ).toEqual([
      { name: 'UTM_Campaign__c', label: 'UTM Campaign', type: 'string' },
      { name: 'Description', label: 'Description', type: 'string' },
      { name: 'Amount', label: 'Amount', type: 'number' },
      { name: 'CloseDate', label: 'Close Date', type: 'date' },
      { name: 'IsPrivate', label: 'Private', type: 'boolean' },
      { name: 'LeadSource', label: 'Lead Source', type: 'picklist' },
      { name: 'OwnerId', label: 'Owner ID', type: 'other' },
    ]);
  });

  it('G9: the opportunity record types are the pipelines', () => {
    expect(
      catalogPipelines([
        {
          id: '012000000000001',
          name: 'Inbound',
          stages: [{ name: 'Prospecting', closed: false, won: false }],
        },
      ]),
    ).toEqual([{ id: '012000000000001', name: 'Inbound' }]);
  });
});
