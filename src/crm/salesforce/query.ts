// SOQL and SOSL built from parts, every value escaped (crm-apis.md §4.5):
// no caller string is ever concatenated into a query unescaped.

export type SoqlValue = string | number | boolean | null | readonly string[];

/** A SOQL string literal: backslash and quote escaped. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function literal(value: SoqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return soqlString(value);
  if (value.length === 0)
    throw new Error('an empty IN list is not valid SOQL; leave the condition out');
  return `(${value.map(soqlString).join(', ')})`;
}

/** Tagged template: `soql\`SELECT Id FROM Contact WHERE Id IN ${ids}\`` with every value escaped. */
export function soql(parts: TemplateStringsArray, ...values: SoqlValue[]): string {
  return parts.reduce(
    (out, part, i) => out + part + (i < values.length ? literal(values[i] as SoqlValue) : ''),
    '',
  );
}

const SOSL_RESERVED = /[&|!(){}[\]^"~*?:\\'+-]/g;

/** A SOSL search term inside FIND {…}: reserved characters backslash-escaped. */
export function soslTerm(value: string): string {
  return value.replace(SOSL_RESERVED, (c) => `\\${c}`);
}

/** FIND {a OR b} IN PHONE FIELDS RETURNING Type(fields), … */
export function phoneSearch(
  terms: readonly string[],
  returning: ReadonlyArray<{ type: string; fields: readonly string[] }>,
): string {
  const find = terms.map(soslTerm).join(' OR ');
  const objects = returning.map((r) => `${r.type}(${r.fields.join(', ')})`).join(', ');
  return `FIND {${find}} IN PHONE FIELDS RETURNING ${objects}`;
}
