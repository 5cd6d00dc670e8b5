import { describe, expect, it } from 'vitest';
import { catalogFields, catalogPipelines } from './catalog.js';

describe('retailCRM catalog mapping (service.md §2, G8, G9)', () => {
  it('G8: custom fields by code; string and text are string fields, the rest named by kind', () => {
    expect(
      catalogFields([
        { name: 'utm_campaign', label: 'UTM campaign', type: 'string', isString: true },
        { name: 'notes', label: 'Notes', type: 'text', isString: true },
        { name: 'visits', label: 'Visits', type: 'integer', isString: false },
        { name: 'first_call', label: 'First call', type: 'date', isString: false },
        { name: 'vip', label: 'VIP', type: 'boolean', isString: false },
        { name: 'segment', label: 'Segment', type: 'dictionary', isString: false },
        { name: 'mail', label: 'Mail', type: 'email', isString: false },
      ]),
    ).toEqual([
      { name: 'utm_campaign', label: 'UTM campaign', type: 'string' },
      { name: 'notes', label: 'Notes', type: 'string' },
      { name: 'visits', label: 'Visits', type: 'number' },
      { name: 'first_call', label: 'First call', type: 'date' },
      { name: 'vip', label: 'VIP', type: 'boolean' },
      { name: 'segment', label: 'Segment', type: 'picklist' },
      { name: 'mail', label: 'Mail', type: 'other' },
    ]);
  });

  it('G9: the order types are the pipelines, by code', () => {
    expect(catalogPipelines([{ id: 'eshop-individual', name: 'Individual' }])).toEqual([
      { id: 'eshop-individual', name: 'Individual' },
    ]);
  });
});
