// The phone index's records (G13) as the store keeps them: the rows of each
// CRM record's phones, the changes the service's own writes make, and what a
// route lookup answers.

export type IndexEntity = 'deals' | 'leads' | 'contacts';

export interface IndexedRecord {
  readonly entity: IndexEntity;
  readonly recordId: string;
  /** Phones of the record, normalised once (E.164 where valid, else as given: G1). */
  readonly phones: readonly string[];
  readonly ownerUserId: string | null;
  /** Larger is newer: the CRM's creation time in ms, or any increasing number. */
  readonly createdOrder: number;
}

/**
 * One change the service's own writes make to the index (G13):
 * - `record`: a record created (or read whole from the CRM): its rows are replaced. When it has
 *   no phones of its own and `phonesOf` is set (a deal whose phones are its contact's), the
 *   phones are copied from that record's rows already in the index.
 * - `owner`: a record re-owned: its rows get the new owner and keep their creation order; when it
 *   has no rows yet, `phones` (what the client lookup saw, may be empty) are added as oldest.
 */
export type IndexChange =
  | {
      readonly kind: 'record';
      readonly record: IndexedRecord;
      readonly phonesOf?: { readonly entity: IndexEntity; readonly recordId: string };
    }
  /** A record deleted (or merged away) in the CRM: its rows leave the index. */
  | { readonly kind: 'removed'; readonly entity: IndexEntity; readonly recordId: string }
  | {
      readonly kind: 'owner';
      readonly entity: IndexEntity;
      readonly recordId: string;
      readonly ownerUserId: string | null;
      readonly phones: readonly string[];
    };

export interface RouteMatch {
  readonly entity: IndexEntity;
  readonly recordId: string;
  readonly ownerUserId: string | null;
}

export interface IndexStatus {
  /** `failed`: the last load from the CRM failed (issue 11 item 4); it is retried with backoff. */
  readonly state: 'loading' | 'ready' | 'failed';
  /** Distinct phones in the project's index. */
  readonly phones: number;
  /** Why the last load failed; only with state `failed`. */
  readonly reason?: string;
}
