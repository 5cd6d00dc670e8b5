import type { Dialect } from '../sql.js';

// G13: when the phone index last read the CRM (epoch ms; NULL = never), kept
// in the store so a restarted service polls from there: the CRM's lists of
// deleted records then reach back to it, which a fresh whole read (all that
// a process without this time could do) cannot tell. Same statement on both backends.

export function indexReadAt(_dialect: Dialect): string {
  return `
ALTER TABLE projects ADD COLUMN index_read_at BIGINT;
`;
}
