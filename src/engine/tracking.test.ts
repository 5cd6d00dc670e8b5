import { describe, expect, it } from 'vitest';
import { ProjectSettingsSchema } from '../domain/project.js';
import { mappedFields, parameterValues } from './tracking.js';

// Issue 14 item 4 (extends G8): the lead_source parameter and the field map's value tables.

const settings = ProjectSettingsSchema.parse({
  fieldMap: { lead: { lead_source: 'Lead_Source', utm_medium: 'Medium' } },
  fieldValues: { lead: { Lead_Source: { google: 'Advertisement' } } },
});

describe('lead_source and value tables (issue 14 item 4)', () => {
  it('lead_source is the UTM source, else the call-tracking pool, else absent', () => {
    const values = (tracking: Parameters<typeof parameterValues>[0]['tracking']) =>
      parameterValues({ tracking, source: 'call' }).get('lead_source');
    expect(values({ utm: { source: 'google' }, pool: 'Context ads' })).toBe('google');
    expect(values({ pool: 'Context ads' })).toBe('Context ads');
    expect(values({ utm: { medium: 'cpc' }, pool: 'Context ads' })).toBe('Context ads');
    expect(values({})).toBeUndefined();
  });

  it("a value the table lists becomes the table's value; any other is written as it is; other fields untouched", () => {
    const fields = (source: string) =>
      mappedFields(
        'lead',
        settings,
        parameterValues({ tracking: { utm: { source, medium: 'google' } }, source: 'call' }),
      );
    expect(fields('google')).toEqual({ Lead_Source: 'Advertisement', Medium: 'google' });
    expect(fields('bing')).toEqual({ Lead_Source: 'bing', Medium: 'google' });
    // A table is per entity: deals have none here.
    expect(
      mappedFields(
        'deal',
        ProjectSettingsSchema.parse({
          ...settings,
          fieldMap: { deal: { utm_source: 'Lead_Source' } },
        }),
        parameterValues({ tracking: { utm: { source: 'google' } }, source: 'call' }),
      ),
    ).toEqual({ Lead_Source: 'google' });
  });
});
