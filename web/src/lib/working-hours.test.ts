import { describe, expect, it } from 'vitest';
import {
  addDayOff,
  addInterval,
  editInterval,
  officeHours,
  problemPlace,
  removeDayOff,
  removeInterval,
} from './working-hours';

describe("the working-hours editor's state", () => {
  it('starts from Monday to Friday, 09:00 to 18:00, with no day off', () => {
    const hours = officeHours();
    expect(Object.keys(hours.week)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(hours.week.fri).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(hours.daysOff).toEqual([]);
  });

  it('adds an interval after the last one, up to the end of the day', () => {
    let hours = officeHours();
    hours = addInterval(hours, 'sat')!;
    expect(hours.week.sat).toEqual([{ from: '09:00', to: '18:00' }]);
    hours = addInterval(hours, 'mon')!;
    expect(hours.week.mon).toEqual([
      { from: '09:00', to: '18:00' },
      { from: '18:00', to: '19:00' },
    ]);
    hours = editInterval(hours, 'mon', 1, { to: '23:30' });
    hours = addInterval(hours, 'mon')!;
    expect(hours.week.mon?.[2]).toEqual({ from: '23:30', to: '24:00' });
    expect(addInterval(hours, 'mon')).toBeNull();
  });

  it('a day whose last interval is removed is closed: absent from the week', () => {
    let hours = removeInterval(officeHours(), 'wed', 0);
    expect('wed' in hours.week).toBe(false);
    hours = editInterval(hours, 'tue', 0, { from: '10:00' });
    expect(hours.week.tue).toEqual([{ from: '10:00', to: '18:00' }]);
    expect(officeHours().week.tue).toEqual([{ from: '09:00', to: '18:00' }]);
  });

  it('keeps days off once each, in calendar order', () => {
    let hours = addDayOff(officeHours(), '2027-01-01');
    hours = addDayOff(hours, '2026-12-25');
    hours = addDayOff(hours, '2027-01-01');
    hours = addDayOff(hours, '');
    expect(hours.daysOff).toEqual(['2026-12-25', '2027-01-01']);
    expect(removeDayOff(hours, '2026-12-25').daysOff).toEqual(['2027-01-01']);
  });

  it("places each of the API's problems at the interval, day or day off it names", () => {
    expect(problemPlace('week.tue[0]')).toEqual({ at: 'interval', day: 'tue', index: 0 });
    expect(problemPlace('week.mon[2].from')).toEqual({ at: 'interval', day: 'mon', index: 2 });
    expect(problemPlace('week.wed')).toEqual({ at: 'day', day: 'wed' });
    expect(problemPlace('daysOff[1]')).toEqual({ at: 'dayOff', index: 1 });
    expect(problemPlace('week')).toEqual({ at: 'week' });
    expect(problemPlace('')).toEqual({ at: 'week' });
  });
});
