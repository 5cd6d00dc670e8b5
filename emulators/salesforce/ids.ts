// Salesforce record ids: 15 case-sensitive characters starting with the
// object's key prefix, or 18 with the case-insensitive checksum suffix.

export const KEY_PREFIX: Readonly<Record<string, string>> = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  RecordType: '012',
  OpportunityStage: '01J',
  ContentNote: '069',
  ContentDocumentLink: '06A',
  Lead: '00Q',
  Task: '00T',
  OpportunityContactRole: '00K',
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix that turns a 15-character id into its 18-character form. */
export function checksum(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    out += SUFFIX.charAt(bits);
  }
  return out;
}

export const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** The 18-character form of a 15- or 18-character id; null for anything else. */
export function to18(id: string): string | null {
  if (!ID_SHAPE.test(id)) return null;
  const id15 = id.slice(0, 15);
  return id15 + checksum(id15);
}

/** Ids in creation order sort lexically in creation order: fixed width, base62 in ASCII order. */
export function makeId(type: string, counter: number): string {
  const prefix = KEY_PREFIX[type] ?? '000';
  let digits = '';
  let n = counter;
  do {
    digits = BASE62.charAt(n % 62) + digits;
    n = Math.floor(n / 62);
  } while (n > 0);
  const id15 = `${prefix}5g${digits.padStart(10, '0')}`;
  return id15 + checksum(id15);
}

/** The object an id belongs to, by key prefix. */
export function typeOfId(id: string): string | undefined {
  const prefix = id.slice(0, 3);
  return Object.keys(KEY_PREFIX).find((type) => KEY_PREFIX[type] === prefix);
}
