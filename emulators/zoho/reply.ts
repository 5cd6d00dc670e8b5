// What a record operation answers: the status and body Zoho would send.

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export const error = (
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Reply => ({
  status,
  body: { code, details, message, status: 'error' },
});
