import { describe, expect, it } from 'vitest';
import {
  coversReference,
  employeeFromReference,
  fromRows,
  missingCrmUsers,
  newEmployee,
  nextEmployeeId,
  parseList,
  pickCrmUser,
  problemsByRow,
  toRows,
  usersNotEmployed,
  type Employee,
} from './employees';

// The employees table's logic: lists typed as text, new rows, picking a CRM user, the flags.

const olena: Employee = {
  id: 'e1',
  name: 'Olena Top',
  crmUserId: '1',
  extension: '100',
  sipLogins: ['olena'],
  phones: [],
  topManager: true,
};
const users = [
  { id: '1', name: 'Olena Top' },
  { id: '2', name: 'Petro Manager' },
];

describe('the employees table', () => {
  it('parses lists typed with commas, semicolons or spaces, dropping empties', () => {
    expect(parseList(' petro, petro-mobile;; 380441234567  ')).toEqual([
      'petro',
      'petro-mobile',
      '380441234567',
    ]);
    expect(parseList(' , ')).toEqual([]);
  });

  it('gives a new row the next free id and the picked user as its name', () => {
    expect(nextEmployeeId([olena, { ...olena, id: 'e2' }])).toBe('e3');
    expect(nextEmployeeId([{ ...olena, id: 'e2' }])).toBe('e3');
    expect(newEmployee([olena], users[1])).toEqual({
      id: 'e2',
      name: 'Petro Manager',
      crmUserId: '2',
      sipLogins: [],
      phones: [],
      topManager: false,
    });
  });

  it("picking a CRM user replaces the previous user's name but keeps one typed by hand", () => {
    expect(pickCrmUser(olena, users[1], users)).toMatchObject({
      name: 'Petro Manager',
      crmUserId: '2',
    });
    const typed = { ...olena, name: 'Olena (sales)' };
    expect(pickCrmUser(typed, users[1], users)).toMatchObject({
      name: 'Olena (sales)',
      crmUserId: '2',
    });
    expect(pickCrmUser(olena, undefined, users)).not.toHaveProperty('crmUserId');
  });

  it('flags employees whose CRM user the CRM no longer lists', () => {
    const gone = { ...olena, id: 'e2', crmUserId: '7' };
    const none: Employee = {
      id: 'e3',
      name: 'Nobody',
      sipLogins: [],
      phones: [],
      topManager: false,
    };
    expect([...missingCrmUsers([olena, gone, none], users)]).toEqual(['e2']);
  });

  it('turns rows back into what the API takes: lists parsed, empty extension left out', () => {
    const rows = toRows([olena]);
    expect(rows[0]?.sipText).toBe('olena');
    const edited = [{ ...rows[0]!, employee: { ...olena, extension: ' ' }, sipText: 'a, b' }];
    const [back] = fromRows(edited);
    expect(back).not.toHaveProperty('extension');
    expect(back?.sipLogins).toEqual(['a', 'b']);
    expect(usersNotEmployed(rows, users)).toEqual([users[1]]);
  });

  it("places the API's problems at their row and field", () => {
    const rows = problemsByRow(
      new Map([
        ['[1].crmUserId', 'the CRM has no user "7"'],
        ['[0].extension', 'taken twice'],
        ['', 'exactly one employee must be the top manager'],
      ]),
    );
    expect(rows.get(1)?.get('crmUserId')).toBe('the CRM has no user "7"');
    expect(rows.get(0)?.get('extension')).toBe('taken twice');
    expect(rows.get(-1)?.get('row')).toBe('exactly one employee must be the top manager');
  });

  it('an unknown reference becomes a new row named after it, and a row covers it from then on, saved or not', () => {
    const rows = toRows([olena]);
    const lastCall = { at: '2026-12-06T10:00:00Z', type: 'call.answered', callId: 'c1' };
    const extension = { extension: '105', calls: 2, events: 3, lastCall };
    const sip = { sipLogin: 'reception', calls: 1, events: 1, lastCall };
    expect(coversReference(rows, extension)).toBe(false);
    expect(coversReference(rows, { ...extension, extension: '100' })).toBe(true);
    const added = employeeFromReference(rows, extension, 'Extension 105');
    expect(added.employee).toMatchObject({ id: 'e2', name: 'Extension 105', extension: '105' });
    expect(coversReference([...rows, added], extension)).toBe(true);
    // SIP logins are matched in lower case, as the service matches them.
    expect(coversReference([{ ...rows[0]!, sipText: 'olena, Reception' }], sip)).toBe(true);
    expect(employeeFromReference(rows, sip, 'SIP login reception').sipText).toBe('reception');
  });
});
