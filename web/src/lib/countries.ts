// The default country is an ISO 3166 code; the list offered with it is every two-letter region
// the browser can name (Intl.DisplayNames), so no country list ships with the page. The service
// checks the code again (libphonenumber's regions) and names it in its refusal.

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Regions `A`..`Z` × `A`..`Z` the browser has a name for, sorted by name in `language`. */
export function countries(language: string): Array<{ code: string; name: string }> {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return [];
  }
  const found: Array<{ code: string; name: string }> = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names.of(code);
      if (name && name !== code) found.push({ code, name });
    }
  return found.sort((x, y) => x.name.localeCompare(y.name, language));
}

/** The name of one region code in `language`, or null for a code no region has. */
export function countryName(code: string, language: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  try {
    const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}
