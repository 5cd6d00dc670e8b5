import { describe, expect, it } from 'vitest';
import { MatrixSchema, ProjectSettingsSchema } from './project.js';
import { problemsFromZod } from './problems.js';

const problemsOf = (schema: typeof ProjectSettingsSchema | typeof MatrixSchema, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : problemsFromZod(result.error, []).map((p) => `${p.path}: ${p.message}`);
};

describe('working hours in the project settings (D4, issue 14)', () => {
  it('accepts a week of intervals and days off, and is absent by default', () => {
    const settings = ProjectSettingsSchema.parse({
      workingHours: {
        week: {
          mon: [
            { from: '09:00', to: '13:00' },
            { from: '14:00', to: '24:00' },
          ],
          sat: [],
        },
        daysOff: ['2026-12-25'],
      },
    });
    expect(settings.workingHours?.week.mon).toHaveLength(2);
    expect(settings.workingHours?.daysOff).toEqual(['2026-12-25']);
    expect(ProjectSettingsSchema.parse({}).workingHours).toBeUndefined();
    expect(
      ProjectSettingsSchema.parse({
        workingHours: { week: { fri: [{ from: '10:00', to: '11:00' }] } },
      }).workingHours?.daysOff,
    ).toEqual([]);
  });

  it('names the field of every wrong part', () => {
    expect(
      problemsOf(ProjectSettingsSchema, {
        workingHours: {
          week: {
            mon: [{ from: '9:00', to: '18:00' }],
            tue: [{ from: '18:00', to: '09:00' }],
            wed: [
              { from: '09:00', to: '13:00' },
              { from: '12:00', to: '18:00' },
            ],
            funday: [],
          },
          daysOff: ['2026-02-30', 'soon'],
        },
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^workingHours\.week\.mon\[0\]\.from: expected a time of day/),
        expect.stringMatching(
          /^workingHours\.week\.tue\[0\]: "from" \(18:00\) must be before "to"/,
        ),
        expect.stringMatching(/^workingHours\.week\.wed: 09:00-13:00 and 12:00-18:00 overlap/),
        expect.stringMatching(/^workingHours\.week.*funday/),
        expect.stringMatching(/^workingHours\.daysOff\[0\]: "2026-02-30" is no calendar date/),
        expect.stringMatching(/^workingHours\.daysOff\[1\]: expected a date/),
      ]),
    );
  });

  it('refuses a week with no open hour', () => {
    expect(problemsOf(ProjectSettingsSchema, { workingHours: { week: { sun: [] } } })).toEqual([
      'workingHours.week: the week needs at least one open interval (drop workingHours to count every hour)',
    ]);
  });

  it('ignoreWorkingHours is a task cell option', () => {
    expect(
      MatrixSchema.parse({
        'incoming.missed': [{ action: 'task_manager', dueHours: 0.25, ignoreWorkingHours: true }],
      })['incoming.missed'],
    ).toEqual([{ action: 'task_manager', dueHours: 0.25, ignoreWorkingHours: true }]);
    expect(
      problemsOf(MatrixSchema, {
        'incoming.missed': [{ action: 'comment', ignoreWorkingHours: true }],
      }),
    ).toEqual([
      expect.stringMatching(
        /comment makes no task: .*ignoreWorkingHours apply to task actions only/,
      ),
    ]);
  });
});
