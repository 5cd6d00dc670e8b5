import { z } from 'zod';
import type { CrmIdentity } from './descriptor.js';
import { CrmError } from './port.js';

// "Test connection": the user a CRM says the token belongs to, read from each
// CRM's own "who am I" answer (Zoho users?type=CurrentUser, Salesforce
// userinfo, Pipedrive users/me).

const Identity = z.looseObject({
  id: z.union([z.string(), z.number()]),
  name: z.string().optional(),
  email: z.string().nullish(),
});

/** The identity in `answer`, or a CrmError naming what was asked. */
export function identityOf(answer: unknown, asked: string): CrmIdentity {
  const parsed = Identity.safeParse(answer);
  if (!parsed.success) throw new CrmError('retryable', `${asked}: unreadable answer`);
  const { id, name, email } = parsed.data;
  return { id: String(id), name: name ?? '', ...(email ? { email } : {}) };
}
