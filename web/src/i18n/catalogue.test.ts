import { describe, expect, it } from 'vitest';
import { en } from './en';
import { CATALOGUES, preferredLanguage, translator } from './index';

// Every language has every key, each non-empty and with the same {placeholders} as English.

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the i18n catalogue', () => {
  it('has English, Ukrainian, Russian and Polish', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['en', 'pl', 'ru', 'uk']);
  });

  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    it(`${language}: no key missing or extra, none empty, the same placeholders`, () => {
      const texts: Record<string, string> = catalogue;
      expect(Object.keys(texts).sort()).toEqual(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        expect(texts[key]?.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(texts[key] ?? ''), `${language} ${key}`).toEqual(placeholders(english));
      }
    });
  }

  it('fills placeholders and picks the browser language it has', () => {
    expect(translator('uk')('overview.resendCount', { count: 3 })).toBe(
      'Подій, які надішле увімкнення: 3',
    );
    expect(preferredLanguage(['de-DE', 'uk-UA', 'en'])).toBe('uk');
    expect(preferredLanguage(['fr'])).toBe('en');
    expect(preferredLanguage(['pl-PL'])).toBe('pl');
    expect(preferredLanguage(['ru'])).toBe('ru');
    expect(translator('pl')('journal.retried', { count: 2 })).toBe('Wysłano ponownie: 2');
  });
});
