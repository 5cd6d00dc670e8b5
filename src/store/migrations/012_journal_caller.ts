import type { Dialect } from '../sql.js';

// Migration 12. The journal page shows each entry's caller (the client's phone, from
// journal_phones): this index finds an entry's phones by its sequence number instead of reading
// every phone of the project. Same statement on both backends.

export function journalCaller(_dialect: Dialect): string {
  return `
CREATE INDEX journal_phones_by_entry ON journal_phones (project_id, journal_seq);
`;
}
