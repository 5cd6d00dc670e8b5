import { describe, expect, it } from 'vitest';
import { entityFields } from './catalog.js';
import { customerPayload, orderPayload } from './mapping.js';

// Issue 14 item 4: the source block's parts are field-map targets (source_source … source_content)
// on customers and orders; what the map writes there replaces the UTM tag, and never becomes a
// custom field.

describe('retailCRM source block as field-map targets (issue 14 item 4)', () => {
  it('the catalogue lists the five parts as text on customers and orders, none on leads', () => {
    const names = (entity: 'lead' | 'contact' | 'deal') =>
      entityFields(entity, [{ name: 'vip', label: 'VIP', type: 'string', isString: true }]).map(
        (field) => `${field.name}:${field.type}`,
      );
    expect(names('deal')).toEqual([
      'source_source:string',
      'source_medium:string',
      'source_campaign:string',
      'source_keyword:string',
      'source_content:string',
      'vip:string',
    ]);
    expect(names('contact')).toEqual(names('deal'));
    expect(names('lead')).toEqual(['vip:string']);
  });

  it('a mapped part replaces the UTM tag; the others keep theirs; custom fields keep the rest', () => {
    const order = orderPayload(
      {
        contactId: null,
        organizationId: null,
        ownerId: null,
        status: 'open',
        utm: { source: 'google', medium: 'cpc', term: 'sofa' },
        fields: { source_source: 'Call tracking', source_keyword: 'divan', vip: 'yes' },
      },
      'k1',
      undefined,
    );
    expect(order['source']).toEqual({ source: 'Call tracking', medium: 'cpc', keyword: 'divan' });
    expect(order['customFields']).toEqual({ vip: 'yes' });
    const customer = customerPayload(
      { phones: [], ownerId: null, organizationId: null, fields: { source_content: 'banner' } },
      'k2',
    );
    expect(customer['source']).toEqual({ content: 'banner' });
    expect(customer['customFields']).toBeUndefined();
  });
});
