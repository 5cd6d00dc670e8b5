import { describe, expect, it } from 'vitest';
import { countries, countryName } from './countries';

describe('the default country picker', () => {
  it('offers the regions the browser names, in the page language, without groupings', () => {
    const list = countries('en');
    expect(list.find((c) => c.code === 'UA')?.name).toBe('Ukraine');
    expect(list.find((c) => c.code === 'PL')?.name).toBe('Poland');
    expect(list.some((c) => c.code === 'AA' || c.code === 'EU' || c.code === 'UN')).toBe(false);
    expect(list.length).toBeGreaterThan(200);
    expect(countries('uk').find((c) => c.code === 'UA')?.name).toBe('Україна');
  });

  it('names a code, or says it is none', () => {
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('QQ', 'en')).toBeNull();
    expect(countryName('ua', 'en')).toBeNull();
  });
});
