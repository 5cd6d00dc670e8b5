import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone as the product sees it (G1): the string as given, and its E.164
 * identity when libphonenumber judges it a valid number. Invalid numbers
 * (hidden caller id, short codes, extensions) have no identity and so never
 * match anybody else's.
 */
export interface Phone {
  readonly raw: string;
  readonly e164: string | null;
}

// Parsing is the costliest step of a lookup; the same few thousand numbers recur all day.
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 100_000;

export function normalisePhone(raw: string, defaultCountry?: string): Phone {
  const cacheKey = `${defaultCountry ?? ''}|${raw}`;
  let e164 = cache.get(cacheKey);
  if (e164 === undefined) {
    e164 = parse(raw, defaultCountry);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, e164);
  }
  return { raw, e164 };
}

function parse(raw: string, defaultCountry: string | undefined): string | null {
  const text = raw.trim();
  if (!/\d/.test(text)) return null;
  const country = defaultCountry as CountryCode | undefined;
  const parsed = parsePhoneNumberFromString(
    text,
    country ? { defaultCountry: country } : undefined,
  );
  if (parsed?.isValid()) return parsed.number;
  // Without a default country, digits alone may still be an international number written without '+'.
  if (!country && /^[\d\s()-]+$/.test(text)) {
    const international = parsePhoneNumberFromString(`+${text.replace(/\D/g, '')}`);
    if (international?.isValid()) return international.number;
  }
  return null;
}

/** Do two phones denote the same callable number? Invalid numbers match nobody. */
export function samePhone(a: Phone, b: Phone): boolean {
  return a.e164 !== null && a.e164 === b.e164;
}

export function isCallable(phone: Phone): boolean {
  return phone.e164 !== null;
}

/** The form a phone is written into the CRM in: E.164 when valid, else as given (G1). */
export function storedPhone(raw: string, defaultCountry?: string): string {
  return normalisePhone(raw, defaultCountry).e164 ?? raw;
}

/**
 * A stop-list as stored (G3): each valid number in E.164, the rest (short codes, SIP numbers)
 * as given, each once. Calls are still compared number by number, so an entry typed in any
 * format matched before and matches after.
 */
export function normaliseStopList(entries: readonly string[], defaultCountry?: string): string[] {
  return [...new Set(entries.map((entry) => storedPhone(entry.trim(), defaultCountry)))];
}

/**
 * The national significant number's digits of an E.164 number (all its digits
 * when it does not parse): what a CRM's substring or suffix search is given (G1).
 */
export function nationalDigits(e164: string): string {
  return parsePhoneNumberFromString(e164)?.nationalNumber ?? e164.replace(/\D/g, '');
}

/**
 * G1: the spellings a number is usually stored in, for a CRM's exact search:
 * E.164, without '+', national with the trunk prefix, national digits (once each).
 */
export function phoneSpellings(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  const spellings = [e164, e164.replace(/^\+/, '')];
  if (parsed) spellings.push(parsed.formatNational().replace(/\D/g, ''), parsed.nationalNumber);
  return [...new Set(spellings)];
}
