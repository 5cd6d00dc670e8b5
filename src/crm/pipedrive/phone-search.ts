import { nationalDigits, phoneSpellings } from '../../domain/phone.js';

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
  if (mode === 'substring') return [{ term: nationalDigits(e164), exact: false }];
  return phoneSpellings(e164).map((term) => ({ term, exact: true }));
}
