import type { Language } from '../domain/project.js';
import { en, type Dictionary, type TextKey } from './texts/en.js';
import { pl } from './texts/pl.js';
import { ru } from './texts/ru.js';
import { uk } from './texts/uk.js';

// Texts the product writes into the CRM, per project language (behaviour §5:
// titles are English defaults, translated; every key exists in every language).

export type { TextKey } from './texts/en.js';
export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { en, uk, ru, pl };

const isKey = (text: string): text is TextKey => Object.hasOwn(en, text);

/**
 * The text in the language with its `{name}` slots filled. A text that is no key
 * (a title the project's matrix sets) is the project's own words and stays as given.
 */
export function translate(
  text: string,
  language: Language,
  values: Readonly<Record<string, string>> = {},
): string {
  const template = isKey(text) ? DICTIONARIES[language][text] : text;
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}

/** A value the events carry (`disposition.missed`, `channel.viber`), named in the language; unknown values as given. */
export function translateValue(kind: string, value: string, language: Language): string {
  const key = `${kind}.${value}`;
  return isKey(key) ? DICTIONARIES[language][key] : value;
}

export interface Translate {
  (text: string, values?: Readonly<Record<string, string>>): string;
  readonly language: Language;
  /** A value of a kind (`disposition`, `channel`, `analytics`, `link`) in the language. */
  value(kind: string, value: string): string;
}

export function translator(language: Language): Translate {
  return Object.assign(
    (text: string, values?: Readonly<Record<string, string>>) => translate(text, language, values),
    {
      language,
      value: (kind: string, value: string) => translateValue(kind, value, language),
    },
  );
}
