import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  allConditions,
  cellOf,
  cellOfProblemPath,
  COMPLETE,
  matrixChanges,
  resetCell,
  setOptions,
  toggleCell,
  type Matrix,
} from './matrix';

const defaults: Matrix = {
  'incoming.missed': [
    { action: 'create_contact' },
    { action: 'task_top_manager', title: 'Hand out the missed call' },
  ],
};

describe('the matrix grid state', () => {
  it('shows every condition and action of the API once', () => {
    expect(COMPLETE).toBe(true);
    expect(new Set(allConditions()).size).toBe(15);
    expect(new Set(ACTIONS).size).toBe(11);
  });

  it('unticks, then ticks again with the default options, in column order', () => {
    const off = toggleCell(defaults, defaults, 'incoming.missed', 'task_top_manager');
    expect(cellOf(off, 'incoming.missed', 'task_top_manager')).toBeUndefined();
    const on = toggleCell(off, defaults, 'incoming.missed', 'task_top_manager');
    expect(on).toEqual(defaults);
    const deal = toggleCell(on, defaults, 'incoming.missed', 'create_deal');
    expect(deal['incoming.missed']?.map((c) => c.action)).toEqual([
      'create_contact',
      'create_deal',
      'task_top_manager',
    ]);
  });

  it('drops a row when its last cell is unticked, and adds a row on the first tick', () => {
    const none = toggleCell(
      toggleCell(defaults, defaults, 'incoming.missed', 'create_contact'),
      defaults,
      'incoming.missed',
      'task_top_manager',
    );
    expect(none).toEqual({});
    expect(toggleCell(none, defaults, 'form.submitted', 'comment')).toEqual({
      'form.submitted': [{ action: 'comment' }],
    });
  });

  it('sets options, leaving empty ones out, and resets a cell to the default', () => {
    const changed = setOptions(defaults, 'incoming.missed', 'task_top_manager', {
      done: false,
      dueHours: 2,
      title: '',
    });
    expect(cellOf(changed, 'incoming.missed', 'task_top_manager')).toEqual({
      action: 'task_top_manager',
      done: false,
      dueHours: 2,
    });
    expect(resetCell(changed, defaults, 'incoming.missed', 'task_top_manager')).toEqual(defaults);
    expect(resetCell(defaults, defaults, 'incoming.missed', 'create_deal')).toEqual(defaults);
  });

  it('lists the changes of a draft against the saved matrix', () => {
    let draft = toggleCell(defaults, defaults, 'incoming.missed', 'create_contact');
    draft = toggleCell(draft, defaults, 'form.submitted', 'create_lead');
    draft = setOptions(draft, 'incoming.missed', 'task_top_manager', { dueHours: 1 });
    expect(matrixChanges(defaults, draft)).toEqual([
      { condition: 'incoming.missed', action: 'create_contact', change: 'unticked' },
      { condition: 'incoming.missed', action: 'task_top_manager', change: 'options' },
      { condition: 'form.submitted', action: 'create_lead', change: 'ticked' },
    ]);
    expect(matrixChanges(defaults, defaults)).toEqual([]);
  });

  it("finds the cell an API problem's path names", () => {
    expect(cellOfProblemPath(defaults, 'incoming.missed[1].dueHours')).toEqual({
      condition: 'incoming.missed',
      action: 'task_top_manager',
    });
    expect(cellOfProblemPath(defaults, 'matrix.incoming.missed[0]')).toEqual({
      condition: 'incoming.missed',
      action: 'create_contact',
    });
    expect(cellOfProblemPath(defaults, 'incoming.missed[7]')).toBeNull();
  });
});
