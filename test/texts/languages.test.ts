import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/domain/project.js';
import { parseScenario } from '../../src/domain/scenario.js';
import { simulate } from '../../src/sandbox/simulate.js';
import { DICTIONARIES, type TextKey } from '../../src/engine/texts.js';

// Issue 14 item 3 (G12, G15): every text the integration writes exists in every
// language, and a Ukrainian, Russian or Polish project gets no English word from
// the product: every scenario of test/scenarios is run again in each language and
// each text written into the CRM is read word by word, and none names a CRM user by id.

const root = join(import.meta.dirname, '..', 'scenarios');
const english = DICTIONARIES.en;
const keys = Object.keys(english) as TextKey[];
const slots = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (text: string): string[] =>
  (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => word.length >= 2);

/** Texts a language writes exactly as English does: brand names, and words it shares. */
const WRITTEN_ALIKE: Record<string, readonly string[]> = {
  all: ['Email', 'channel.telegram', 'channel.viber', 'channel.facebook'],
  pl: ['Status', 'operator'],
};

describe('every language has every text', () => {
  it.each(LANGUAGES.filter((language) => language !== 'en'))(
    '%s: same keys, same slots, no English left',
    (language) => {
      const dictionary = DICTIONARIES[language];
      expect(Object.keys(dictionary).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        const text = dictionary[key];
        expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
        expect(slots(text).sort(), `${language} ${key}`).toEqual(slots(english[key]).sort());
      }
      // An entry left in English: the scenario check below forgives words the language itself uses.
      const alike = [...(WRITTEN_ALIKE['all'] ?? []), ...(WRITTEN_ALIKE[language] ?? [])];
      const untranslated = keys.filter(
        (key) =>
          !alike.includes(key) &&
          dictionary[key].trim().toLowerCase() === english[key].trim().toLowerCase(),
      );
      expect(untranslated, `${language}: entries identical to English`).toEqual([]);
    },
  );
});

/** English words the product's texts use, less those the language writes the same (Status, Email, SIP, Telegram). */
function englishVocabulary(language: Language): Set<string> {
  const own = new Set(Object.values(DICTIONARIES[language]).flatMap(words));
  const vocabulary = new Set(Object.values(english).flatMap(words));
  for (const word of ['value', 'who']) vocabulary.delete(word); // slot names
  for (const word of own) vocabulary.delete(word);
  return vocabulary;
}

/** Words a scenario brought itself: names, summaries, URLs, UTM values, titles its matrix sets. */
function scenarioWords(json: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      // The events' enumerations are the product's to translate, never data.
      if (!['type', 'direction', 'disposition', 'channel', 'language', 'op'].includes(key))
        for (const word of words(value)) out.add(word);
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === 'object')
      for (const [name, item] of Object.entries(value)) walk(item, name);
  };
  walk(
    {
      project: json['project'],
      employees: json['employees'],
      crm_state: json['crm_state'],
      events: json['events'],
    },
    '',
  );
  return out;
}

const files = readdirSync(root).flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name)),
);

describe.each(LANGUAGES.filter((language) => language !== 'en'))('scenarios in %s', (language) => {
  const vocabulary = englishVocabulary(language);
  it.each(files)('%s writes no English word', async (file) => {
    const json = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
    const project = { ...(json['project'] as object), language };
    // An analytics event's own language wins (G12); here every text is the project's.
    const events = (json['events'] as Record<string, unknown>[]).map(
      ({ language: _eventLanguage, ...event }) => event,
    );
    const parsed = parseScenario({ ...json, project, events, expect: undefined });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const { crm_state: state } = await simulate(parsed.value);
    const own = scenarioWords(json);
    const texts = [
      ...state.tasks.flatMap((task) => [task.title, task.description ?? '']),
      ...state.comments.map((comment) => comment.text),
      ...state.calls.map((call) => call.description ?? ''),
    ];
    // G15: employees are named, never by the CRM user id they are linked to; and no
    // text names a record by its CRM id (issue 14 item 3: D9's "Also concerns" line too).
    const crmIds = [state.users, state.contacts, state.leads, state.deals].flatMap((records) =>
      records.map((record) => record.id),
    );
    for (const text of texts) {
      const ids = crmIds.filter((id) =>
        new RegExp(`(^|[^\\w])${escapeRegExp(id)}($|[^\\w])`).test(
          text.replace(/https?:\/\/\S+/g, ''),
        ),
      );
      expect(ids, `${file} (${language}): a CRM id in ${text}`).toEqual([]);
      const left = words(text.replace(/https?:\/\/\S+/g, '')).filter(
        (word) => vocabulary.has(word) && !own.has(word),
      );
      expect(left, `${file} (${language}): ${text}`).toEqual([]);
    }
  });
});
