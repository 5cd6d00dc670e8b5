import { CrmError, RecordGone } from './port.js';

// Issue 14 item 2: completing a call-back task starts by reading it (D13). A task deleted
// in the CRM answers that read with the CRM's "not found"; each adapter names its CRM's
// answer, and the read becomes a RecordGone the executor skips with a note.

/** Reads the task, or throws RecordGone when the CRM's answer says it is not there. */
export async function readTask<T>(
  id: string,
  read: () => Promise<T>,
  isGone: (error: CrmError) => boolean,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CrmError && isGone(error))
      throw new RecordGone(
        `the task ${id} is no longer in the CRM (deleted there): ${error.message}`,
      );
    throw error;
  }
}

/** The usual answer for a record that is not there: HTTP 404 (Salesforce NOT_FOUND / ENTITY_IS_DELETED, Pipedrive, retailCRM). */
export const notFound = (error: CrmError): boolean => error.status === 404;
