import { describe, expect, it } from 'vitest';
import { catalogFields, catalogPipelines } from './catalog.js';

describe('Zoho catalog mapping (service.md §2, G8, G9)', () => {
  it('G8: fields by API name; text kinds are string fields, the rest named by kind', () => {
    expect(
      catalogFields([
        { apiName: 'UTM_Campaign', label: 'UTM Campaign', type: 'text', isString: true },
        { apiName: 'Website', label: 'Website', type: 'website', isString: true },
        { apiName: 'Amount', label: 'Amount', type: 'currency', isString: false },
        { apiName: 'Closing_Date', label: 'Closing Date', type: 'date', isString: false },
        { apiName: 'Email_Opt_Out', label: 'Email Opt Out', type: 'boolean', isString: false },
        { apiName: 'Lead_Source', label: 'Lead Source', type: 'picklist', isString: false },
        { apiName: 'Owner', label: 'Owner', type: 'ownerlookup', isString: false },
      ]),
    ).toEqual([
      { name: 'UTM_Campaign', label: 'UTM Campaign', type: 'string' },
      { name: 'Website', label: 'Website', type: 'string' },
      { name: 'Amount', label: 'Amount', type: 'number' },
      { name: 'Closing_Date', label: 'Closing Date', type: 'date' },
      { name: 'Email_Opt_Out', label: 'Email Opt Out', type: 'boolean' },
      { name: 'Lead_Source', label: 'Lead Source', type: 'picklist' },
      { name: 'Owner', label: 'Owner', type: 'other' },
    ]);
  });

  it('G9: pipelines keep Zoho’s id and the name a deal’s Pipeline field takes', () => {
    expect(
      catalogPipelines([
        {
          id: '111',
          name: 'Standard',
          isDefault: true,
          stages: [{ name: 'Qualification', status: 'open' }],
        },
      ]),
    ).toEqual([{ id: '111', name: 'Standard' }]);
  });
});
