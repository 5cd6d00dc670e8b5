import { describe, expect, it } from 'vitest';
import { catalogFields, catalogPipelines } from './catalog.js';

const HASH = 'a'.repeat(40);

describe('Pipedrive catalog mapping (service.md §2, G8, G9)', () => {
  it('G8: custom fields by name (as mapping.ts resolves them), standard fields by key; varchar/text are string fields', () => {
    expect(
      catalogFields([
        { key: HASH, name: 'Campaign', type: 'varchar', custom: true, isString: true },
        { key: 'title', name: 'Title', type: 'varchar', custom: false, isString: true },
        { key: 'value', name: 'Value', type: 'monetary', custom: false, isString: false },
        {
          key: 'expected_close_date',
          name: 'Expected close date',
          type: 'date',
          custom: false,
          isString: false,
        },
        { key: 'status', name: 'Status', type: 'status', custom: false, isString: false },
        { key: 'b'.repeat(40), name: 'Segment', type: 'enum', custom: true, isString: false },
        { key: 'owner_id', name: 'Owner', type: 'user', custom: false, isString: false },
      ]),
    ).toEqual([
      { name: 'Campaign', label: 'Campaign', type: 'string' },
      { name: 'title', label: 'Title', type: 'string' },
      { name: 'value', label: 'Value', type: 'number' },
      { name: 'expected_close_date', label: 'Expected close date', type: 'date' },
      { name: 'status', label: 'Status', type: 'picklist' },
      { name: 'Segment', label: 'Segment', type: 'picklist' },
      { name: 'owner_id', label: 'Owner', type: 'other' },
    ]);
  });

  it('G9: pipelines by id and name, stages dropped', () => {
    expect(
      catalogPipelines([{ id: '1', name: 'Sales', stages: [{ id: '1', name: 'Lead in' }] }]),
    ).toEqual([{ id: '1', name: 'Sales' }]);
  });
});
