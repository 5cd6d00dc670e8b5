import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// G1 against Pipedrive (crm-apis.md §2.4): which terms reach a number stored in
// any format. How Pipedrive matches phones is UNVERIFIED, so two strategies:
// - `substring` (default): one search, exact_match=false, for the national
//   significant digits: every stored form that holds them contiguously (E.164,
//   without '+', with the trunk prefix, bare national digits; with spaces,
//   dashes, dots or brackets if the search ignores those, as the emulator does).
// - `exact-variants`: exact_match=true for each usual variant (E.164, without
//   '+', national with trunk prefix, national digits): the documented "whole
//   value" semantics, but a stored form with separators is never reached.
// Every hit is then confirmed by normalising its stored phones.

export type PhoneSearchMode = 'substring' | 'exact-variants';

export interface SearchTerm {
  readonly term: string;
  readonly exact: boolean;
}

export function phoneSearchTerms(e164: string, mode: PhoneSearchMode): SearchTerm[] {
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed?.nationalNumber ?? e164.replace(/\D/g, '');
  if (mode === 'substring') return [{ term: national, exact: false }];
  const withTrunk = parsed ? parsed.formatNational().replace(/\D/g, '') : national;
  const variants = [e164, e164.replace(/^\+/, ''), withTrunk, national];
  return [...new Set(variants)].map((term) => ({ term, exact: true }));
}
