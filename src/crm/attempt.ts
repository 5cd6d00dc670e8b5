import { CrmError, err, ok, type Result } from './port.js';

/**
 * One CRM call, its expected failure handed back as a Result (style §2.6): a
 * CrmError as it is; a failure `permanentMessage` recognises (an answer of an
 * unexpected shape, a record the mapping cannot write) as a permanent CrmError
 * with that message. Anything else is a bug and throws.
 */
export async function attempt<T>(
  work: () => Promise<T>,
  permanentMessage: (error: unknown) => string | null = () => null,
): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof CrmError) return err(error);
    const message = permanentMessage(error);
    if (message !== null) return err(new CrmError('permanent', message));
    throw error;
  }
}
