import { describe, expect, it } from 'vitest';
import { phoneSearch, soql, soqlString, soslTerm } from './query.js';

describe('SOQL / SOSL built with escaped values (crm-apis.md §4.5)', () => {
  it('escapes quotes and backslashes in SOQL literals: no injection through a value', () => {
    expect(soqlString("O'Brien\\")).toBe("'O\\'Brien\\\\'");
    const evil = "x' OR Name != '";
    expect(soql`SELECT Id FROM Contact WHERE Name = ${evil}`).toBe(
      "SELECT Id FROM Contact WHERE Name = 'x\\' OR Name != \\''",
    );
    expect(soql`SELECT Id FROM Lead WHERE Id IN ${['a', "b'"]} AND IsConverted = ${false}`).toBe(
      "SELECT Id FROM Lead WHERE Id IN ('a', 'b\\'') AND IsConverted = false",
    );
    expect(() => soql`SELECT Id FROM Lead WHERE Id IN ${[]}`).toThrow();
  });

  it('escapes SOSL reserved characters inside FIND {…}, a leading + included', () => {
    expect(soslTerm('+380671234567')).toBe('\\+380671234567');
    expect(soslTerm('a}b{c')).toBe('a\\}b\\{c');
    expect(phoneSearch(['+1', '2'], [{ type: 'Contact', fields: ['Id', 'Name'] }])).toBe(
      'FIND {\\+1 OR 2} IN PHONE FIELDS RETURNING Contact(Id, Name)',
    );
  });
});
