import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type MessageKey } from './en';
import { pl } from './pl';
import { ru } from './ru';
import { uk } from './uk';

// The page's languages. `t(key, {name: value})` fills {name} placeholders.

export const CATALOGUES = { en, uk, ru, pl } satisfies Record<string, Record<MessageKey, string>>;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES: ReadonlyArray<{ id: Language; name: string }> = [
  { id: 'en', name: 'English' },
  { id: 'uk', name: 'Українська' },
  { id: 'ru', name: 'Русский' },
  { id: 'pl', name: 'Polski' },
];

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue: Record<MessageKey, string> = CATALOGUES[language];
  return (key, values) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      values && name in values ? String(values[name]) : whole,
    );
}

/** The browser's first language we have, else English. */
export function preferredLanguage(wanted: readonly string[]): Language {
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LANGUAGES.find((language) => language.id === base);
    if (found) return found.id;
  }
  return 'en';
}

export const I18n = createContext<{ t: Translate; language: Language }>({
  t: translator('en'),
  language: 'en',
});
export const useI18n = () => useContext(I18n);
export type { MessageKey };
