import type { PdPerson, PipedriveDb } from './state.js';
import { fail } from './http.js';

// `GET /api/v2/persons/search` (crm-apis.md §2.4), and the organizations', deals'
// and leads' searches (§2.5–2.7) by name/title or custom fields. How Pipedrive matches a
// phone is UNVERIFIED there; this emulator's choice, documented in
// src/crm/pipedrive/README.md:
// - a stored phone and the term are compared in "search form": lower-cased,
//   with spaces, '-', '.', '(' and ')' removed; '+' and every other character kept;
// - exact_match=true: the whole search forms are equal;
// - exact_match=false: the term's search form occurs inside the stored one.
// So a number stored with another separator ('/', a non-breaking space) or with
// letters inside its digits is reached by no digit term at all.

export function searchForm(text: string): string {
  return text.toLowerCase().replace(/[ \-.()]/g, '');
}

const SEARCHABLE = {
  person: ['name', 'email', 'phone', 'notes', 'custom_fields'],
  organization: ['name', 'address', 'notes', 'custom_fields'],
  deal: ['title', 'notes', 'custom_fields'],
  lead: ['title', 'notes', 'custom_fields'],
} as const;

type Searchable = keyof typeof SEARCHABLE;

/** The text values of a record's custom fields (the search looks only at those). */
export function customTexts(values: Readonly<Record<string, unknown>>): string[] {
  return Object.values(values).filter((value): value is string => typeof value === 'string');
}

/**
 * `GET /api/v2/{persons|organizations|deals|leads}/search`: the records whose
 * named `fields` (default: all of the entity's) match `term`; notes are not
 * searched by this emulator. `valuesOf` gives a record's values of one field.
 */
function search<T>(
  entity: Searchable,
  records: readonly T[],
  query: URLSearchParams,
  valuesOf: (record: T, field: string) => readonly string[],
): Array<{ record: T; score: number }> {
  const term = (query.get('term') ?? '').trim();
  const exact = query.get('exact_match') === 'true' || query.get('exact_match') === '1';
  if (term.length < (exact ? 1 : 2))
    fail(400, 'term must be at least 2 characters long (1 with exact_match)');
  const searchable: readonly string[] = SEARCHABLE[entity];
  const fields = (query.get('fields') ?? searchable.join(',')).split(',').map((f) => f.trim());
  for (const field of fields)
    if (!searchable.includes(field)) fail(400, `fields: unknown field "${field}"`);
  const wanted = searchForm(term);
  const hit = (value: string): boolean =>
    exact ? searchForm(value) === wanted : searchForm(value).includes(wanted);
  const found: Array<{ record: T; score: number }> = [];
  for (const record of records)
    if (fields.some((field) => valuesOf(record, field).some(hit)))
      found.push({ record, score: exact ? 1 : 0.5 });
  return found;
}

export function searchPersons(
  db: PipedriveDb,
  query: URLSearchParams,
): Array<{ person: PdPerson; score: number }> {
  const organizationId = query.get('organization_id');
  const persons = organizationId
    ? db.persons.filter((person) => String(person.org_id) === organizationId)
    : db.persons;
  return search('person', persons, query, (person, field) =>
    field === 'name'
      ? [person.name]
      : field === 'email'
        ? person.emails.map((email) => email.value)
        : field === 'phone'
          ? person.phones.map((phone) => phone.value)
          : field === 'custom_fields'
            ? customTexts(person.custom_fields)
            : [],
  ).map(({ record, score }) => ({ person: record, score }));
}

/** Organizations (by name or custom fields), deals and leads (by title or custom fields). */
export function searchRecords<T extends { custom_fields: Readonly<Record<string, unknown>> }>(
  entity: Exclude<Searchable, 'person'>,
  records: readonly T[],
  query: URLSearchParams,
  titleOf: (record: T) => string,
): Array<{ record: T; score: number }> {
  return search(entity, records, query, (record, field) =>
    field === 'name' || field === 'title'
      ? [titleOf(record)]
      : field === 'custom_fields'
        ? customTexts(record.custom_fields)
        : [],
  );
}
