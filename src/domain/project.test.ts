import { describe, expect, it } from 'vitest';
import { CONDITIONS, ACTIONS } from './matrix.js';
import { EmployeesSchema, MatrixSchema, ProjectSettingsSchema } from './project.js';
import { boundMessengerFields, MESSENGER_PARAMETERS } from './messenger-field-map.js';
import { problemsFromZod } from './problems.js';
import { PROFILES } from '../engine/defaults/index.js';

const problems = (
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  value: unknown,
  prefix: string[] = [],
) => {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : problemsFromZod(result.error as never, prefix).map((p) => `${p.path}: ${p.message}`);
};

describe('the matrix as data (behaviour §3, PD-14)', () => {
  it('PD-14: the conditions and actions are exactly those of behaviour §3', () => {
    expect(CONDITIONS).toHaveLength(15);
    expect([...ACTIONS].sort()).toEqual(
      [
        'assign_to_manager',
        'comment',
        'create_contact',
        'create_deal',
        'create_deal_if_none',
        'create_lead',
        'create_lead_if_no_contact',
        'create_organization',
        'task_manager',
        'task_responsible',
        'task_top_manager',
      ].sort(),
    );
  });

  it('every default matrix is a valid matrix', () => {
    for (const profile of Object.values(PROFILES))
      expect(MatrixSchema.safeParse(profile.matrix).success).toBe(true);
  });

  it('unknown condition and action ids are errors naming their place', () => {
    const found = problems(
      MatrixSchema,
      { 'incoming.paused': ['comment'], 'incoming.missed': ['call_client'] },
      ['project', 'matrix'],
    );
    expect(found.sort()).toEqual([
      'project.matrix.incoming.missed[0].action: unknown action "call_client"',
      'project.matrix.incoming.paused: unknown condition "incoming.paused"',
    ]);
  });

  it('impossible options are errors: task options on a record action, dueHours on a task created done, an action twice', () => {
    const found = problems(MatrixSchema, {
      'incoming.missed': [
        { action: 'create_lead', done: true },
        { action: 'task_responsible', done: true, dueHours: 2 },
        'comment',
        'comment',
      ],
      'incoming.voicemail': [{ action: 'task_manager', dueHours: -1 }],
    });
    expect(found).toHaveLength(4);
    expect(found.join('\n')).toMatch(/create_lead makes no task/);
    expect(found.join('\n')).toMatch(/\[1\]\.dueHours: a task created done/);
    expect(found.join('\n')).toMatch(/comment is listed twice/);
    expect(found.join('\n')).toMatch(/dueHours must be above 0/);
  });

  it('a string cell and an object cell mean the same action', () => {
    expect(
      MatrixSchema.parse({
        'form.submitted': ['comment', { action: 'task_top_manager', title: 'T' }],
      }),
    ).toEqual({
      'form.submitted': [{ action: 'comment' }, { action: 'task_top_manager', title: 'T' }],
    });
  });
});

describe('project settings (G8, G9, G15)', () => {
  it('G8: two parameters mapped to one CRM field are rejected with the field named', () => {
    expect(
      problems(
        ProjectSettingsSchema,
        { fieldMap: { deal: { utm_campaign: 'Campaign_Name', pool: 'Campaign_Name' } } },
        ['project'],
      ),
    ).toEqual(['project.fieldMap.deal: two parameters mapped to Campaign_Name']);
  });

  it('G8/G9: unknown parameter ids are errors; form.NAME is a parameter', () => {
    expect(
      problems(ProjectSettingsSchema, {
        fieldMap: { lead: { utm_colour: 'X', 'form.message': 'Msg' } },
      }),
    ).toEqual(['fieldMap.lead.utm_colour: unknown parameter "utm_colour"']);
    expect(
      problems(ProjectSettingsSchema, {
        pipelineRules: [{ pipeline: 'Ads', param: 'poool', value: 'x' }],
      }),
    ).toEqual(['pipelineRules[0].param: unknown parameter "poool"']);
  });

  it('defaults: UTC, 4 hours, English, 3 days, the CRM default matrix', () => {
    expect(ProjectSettingsSchema.parse({})).toMatchObject({
      timezone: 'UTC',
      taskDueHours: 4,
      language: 'en',
      resendWindowDays: 3,
      matrix: null,
    });
    expect(
      problems(ProjectSettingsSchema, { timezone: 'Mars/Olympus', defaultCountry: 'ukr' }),
    ).toHaveLength(2);
  });

  it('G15: exactly one top manager, with a CRM user', () => {
    expect(problems(EmployeesSchema, [{ id: 'a', name: 'A' }])).toEqual([
      ': exactly one employee must be the top manager (found 0)',
    ]);
    expect(problems(EmployeesSchema, [{ id: 'a', name: 'A', topManager: true }])).toEqual([
      '[0].crmUserId: the top manager needs a crmUserId',
    ]);
    expect(problems(EmployeesSchema, [])).toEqual([]);
  });
});

describe('matrix options of issue 14 item 5 (G11, G12)', () => {
  it('G12: analyticsDestination is deal, call or both; anything else names the field', () => {
    expect(ProjectSettingsSchema.parse({ analyticsDestination: 'call' }).analyticsDestination).toBe(
      'call',
    );
    expect(problems(ProjectSettingsSchema, { analyticsDestination: 'calls' })).toEqual([
      'analyticsDestination: expected one of deal, call, both, got "calls"',
    ]);
  });

  it('G11: the messenger field map takes the slots a dialog offers and one slot per CRM field, naming the field', () => {
    expect(
      problems(ProjectSettingsSchema, { messengerFieldMap: { lead: { sauce: 'Chat_Channel' } } }),
    ).toEqual([
      `messengerFieldMap.lead.sauce: unknown messenger slot "sauce": a dialog offers ${MESSENGER_PARAMETERS.join(', ')}`,
    ]);
    // a parameter of calls or forms only: a dialog never has a value for it
    expect(
      problems(ProjectSettingsSchema, {
        messengerFieldMap: { deal: { call_duration: 'Talk', 'form.city': 'City' } },
      }).map((problem) => problem.split(':')[0]),
    ).toEqual(['messengerFieldMap.deal.call_duration', 'messengerFieldMap.deal.form.city']);
    expect(
      problems(ProjectSettingsSchema, {
        messengerFieldMap: { lead: { source: 'Chat', client_name: 'Chat' } },
      }),
    ).toEqual([
      'messengerFieldMap.lead.client_name: the CRM field Chat is already the target of source: one field per slot',
    ]);
    // unbound slots bind nothing, so two of them are no clash
    const parsed = ProjectSettingsSchema.parse({
      messengerFieldMap: { lead: { source: 'Chat', client_name: null, client_phone: null } },
    });
    expect(boundMessengerFields(parsed.messengerFieldMap!)).toEqual({ lead: { source: 'Chat' } });
  });

  it("G11: every CRM's defaults list the seed's messenger slots (source, name, phone) unbound, on the records its messenger row creates", () => {
    const unbound = { source: null, client_name: null, client_phone: null };
    expect(PROFILES.zoho.options.messengerFieldMap).toEqual({ lead: unbound });
    expect(PROFILES.salesforce.options.messengerFieldMap).toEqual({ lead: unbound });
    expect(PROFILES.pipedrive.options.messengerFieldMap).toEqual({
      contact: unbound,
      lead: unbound,
    });
    expect(PROFILES.retailcrm.options.messengerFieldMap).toEqual({
      contact: unbound,
      deal: unbound,
    });
    for (const profile of Object.values(PROFILES))
      expect(
        ProjectSettingsSchema.safeParse({ messengerFieldMap: profile.options.messengerFieldMap })
          .success,
      ).toBe(true);
  });

  it('G12: every CRM names its default analytics destination; retailCRM, whose call keeps no text, the deal', () => {
    for (const profile of Object.values(PROFILES))
      expect(['deal', 'call', 'both']).toContain(profile.options.analyticsDestination);
    expect(PROFILES.retailcrm.options.analyticsDestination).toBe('deal');
  });
});
