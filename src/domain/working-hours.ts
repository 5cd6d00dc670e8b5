import { z } from 'zod';

// A project's working hours (issue 14): a weekly schedule in the project's time zone and its
// days off. Task due times count working time only (D4, see engine/working-time.ts).

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes since local midnight of `HH:MM` (`24:00` is the day's end). */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const clock = z.string().regex(CLOCK, { error: 'expected a time of day "HH:MM" (00:00 to 24:00)' });

const interval = z
  .strictObject({ from: clock, to: clock })
  .refine((i) => clockMinutes(i.from) < clockMinutes(i.to), {
    error: (issue) => {
      const i = issue.input as { from: string; to: string };
      return `"from" (${i.from}) must be before "to" (${i.to})`;
    },
  });
export type WorkingInterval = z.infer<typeof interval>;

const day = z.array(interval).superRefine((intervals, ctx) => {
  const sorted = [...intervals].sort((a, b) => clockMinutes(a.from) - clockMinutes(b.from));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && clockMinutes(current.from) < clockMinutes(previous.to))
      ctx.addIssue({
        code: 'custom',
        message: `${previous.from}-${previous.to} and ${current.from}-${current.to} overlap`,
      });
  }
});

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date "YYYY-MM-DD"', abort: true })
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), {
    error: (issue) => `"${String(issue.input)}" is no calendar date`,
  });

export const WorkingHoursSchema = z
  .strictObject({
    /** Open hours per weekday; a day absent or [] is closed. */
    week: z.strictObject(
      Object.fromEntries(WEEKDAYS.map((d) => [d, day.optional()])) as {
        [K in Weekday]: z.ZodOptional<typeof day>;
      },
    ),
    /** Whole local days closed, whatever the weekday (holidays). */
    daysOff: z.array(isoDate).max(1000).default([]),
  })
  .refine((hours) => WEEKDAYS.some((d) => (hours.week[d] ?? []).length > 0), {
    path: ['week'],
    error: 'the week needs at least one open interval (drop workingHours to count every hour)',
  });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;
