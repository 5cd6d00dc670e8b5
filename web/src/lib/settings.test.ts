import { describe, expect, it } from 'vitest';
import { boundSlots, fieldTakenBy, mapField, parametersOfSchema } from './field-map';
import { moveItem } from './reorder';

describe('moving an item of an ordered list', () => {
  it('moves up, down and by drag, clamped to the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
  });
});

describe('the field map: one field, one parameter', () => {
  const map = { deal: { utm_source: 'source_field' } };

  it('refuses a field another parameter takes, naming that parameter', () => {
    expect(fieldTakenBy(map, 'deal', 'source_field', 'pool')).toBe('utm_source');
    expect(mapField(map, 'deal', 'pool', 'source_field')).toEqual({ conflict: 'utm_source' });
    // the same field for the same parameter, or in another entity, is no conflict
    expect(mapField(map, 'deal', 'utm_source', 'source_field')).toEqual({ map });
    expect(mapField(map, 'lead', 'pool', 'source_field')).toEqual({
      map: { ...map, lead: { pool: 'source_field' } },
    });
  });

  it('unmaps with an empty choice and drops an emptied entity', () => {
    expect(mapField(map, 'deal', 'utm_source', '')).toEqual({ map: {} });
  });

  it("reads the parameters from the project schema's field map", () => {
    const schema = {
      properties: {
        fieldMap: {
          properties: {
            lead: {
              propertyNames: { anyOf: [{ enum: ['utm_source', 'pool'] }, { pattern: 'x' }] },
            },
          },
        },
      },
    };
    expect(parametersOfSchema(schema)).toEqual(['utm_source', 'pool']);
  });
});

describe('the messenger map as the settings tab edits it', () => {
  it('shows the bound slots; an unbound one (null) is as absent', () => {
    expect(boundSlots(undefined)).toBeNull();
    expect(
      boundSlots({ lead: { source: 'Chat_Channel', client_name: null, client_phone: null } }),
    ).toEqual({ lead: { source: 'Chat_Channel' } });
  });
});
