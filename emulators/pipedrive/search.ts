import type { PdPerson, PipedriveDb } from './state.js';
import { fail } from './http.js';

// `GET /api/v2/persons/search` (crm-apis.md §2.4). How Pipedrive matches a
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

const SEARCHABLE = ['name', 'email', 'phone', 'notes', 'custom_fields'] as const;

export function searchPersons(
  db: PipedriveDb,
  query: URLSearchParams,
): Array<{ person: PdPerson; score: number }> {
  const term = (query.get('term') ?? '').trim();
  const exact = query.get('exact_match') === 'true' || query.get('exact_match') === '1';
  if (term.length < (exact ? 1 : 2))
    fail(400, 'term must be at least 2 characters long (1 with exact_match)');
  const fields = (query.get('fields') ?? SEARCHABLE.join(','))
    .split(',')
    .map((field) => field.trim());
  for (const field of fields)
    if (!(SEARCHABLE as readonly string[]).includes(field))
      fail(400, `fields: unknown field "${field}"`);
  const organizationId = query.get('organization_id');
  const wanted = searchForm(term);
  const hit = (value: string): boolean =>
    exact ? searchForm(value) === wanted : searchForm(value).includes(wanted);
  const found: Array<{ person: PdPerson; score: number }> = [];
  for (const person of db.persons) {
    if (organizationId && String(person.org_id) !== organizationId) continue;
    const values: string[] = [];
    if (fields.includes('name')) values.push(person.name);
    if (fields.includes('email')) values.push(...person.emails.map((email) => email.value));
    if (fields.includes('phone')) values.push(...person.phones.map((phone) => phone.value));
    if (fields.includes('custom_fields'))
      values.push(
        ...Object.values(person.custom_fields).filter(
          (value): value is string => typeof value === 'string',
        ),
      );
    if (values.some(hit)) found.push({ person, score: exact ? 1 : 0.5 });
  }
  return found;
}
