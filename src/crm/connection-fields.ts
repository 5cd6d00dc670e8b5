import { z } from 'zod';

// The pieces the four connection schemas (service.md §2) are made of, with the
// messages the admin API answers. URLs are only required here: where they may
// point is the service's rule (service/admin/connection.ts), checked on save.

export const text = (what: string) =>
  z.string({ error: `expected ${what}` }).min(1, `expected ${what}`);

export const url = text('a URL');

export const oauthCredentials = z.strictObject({
  clientId: text('the OAuth client id'),
  clientSecret: text('the OAuth client secret'),
  refreshToken: text('the OAuth refresh token'),
});

/** A connection as its adapter needs it; throws naming every bad field (the registry turns that into a refusing port). */
export function parseConnectionOrThrow<T>(crm: string, schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `connection.${issue.path.join('.')}: ${issue.message}`,
  );
  throw new Error(`invalid ${crm} connection: ${problems.join('; ')}`);
}
