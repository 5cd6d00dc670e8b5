import type { MatrixInput } from '../domain/matrix.js';
import type { MessengerFieldMap } from '../domain/messenger-field-map.js';
import type { AnalyticsDestination, FieldEntity, Parameter } from '../domain/project.js';

/**
 * What sets one CRM apart for the engine: its default matrix (behaviour §5)
 * and the entity semantics the matrix's actions take there (behaviour §3,
 * D12). The engine reads these flags; it never asks which CRM it is.
 */
export interface CrmSemantics {
  /** `native`: the CRM has leads. `contact-and-deal`: `create_lead` makes a customer and an order (retailCRM). */
  readonly leads: 'native' | 'contact-and-deal';
  /** A lead must hang on a contact, created with it when none exists (Pipedrive). */
  readonly leadNeedsContact: boolean;
  /** Pop-up notifications through the CRM's telephony events (RC-1..RC-3, G14). */
  readonly popups: boolean;
  /** The call log has a text field that analytics can be appended to (G12). */
  readonly callLogHasDescription: boolean;
  /** G13 default order of records to route by. */
  readonly routingPriority: ReadonlyArray<'deals' | 'leads' | 'contacts'>;
}

export interface CrmProfile {
  readonly matrix: MatrixInput;
  readonly semantics: CrmSemantics;
  /** The matrix options a project may override (issue 14 item 5). */
  readonly options: MatrixOptions;
  /**
   * Issue 14 item 4: the CRM's standard source field bound to `lead_source` (the UTM source,
   * else the call-tracking pool): the field map a new project document starts with.
   */
  readonly sourceBinding: Readonly<
    Partial<Record<FieldEntity, Readonly<Partial<Record<Parameter, string>>>>>
  >;
  /**
   * The value tables of the bound fields that are picklists (a new document's `fieldValues`):
   * common UTM sources and the pool name "Call tracking" → values a new account's picklist has.
   */
  readonly sourceValues: Readonly<
    Partial<Record<FieldEntity, Readonly<Record<string, Readonly<Record<string, string>>>>>>
  >;
}

/** The UTM sources of paid search and social ads a default value table names. */
export const AD_SOURCES = ['google', 'bing', 'yandex', 'facebook', 'instagram'] as const;

/** A value table: each ad source → `ads`, the pool "Call tracking" → `calls`. */
export function sourceTable(ads: string, calls: string): Record<string, string> {
  return {
    ...Object.fromEntries(AD_SOURCES.map((source) => [source, ads])),
    'Call tracking': calls,
  };
}

export interface MatrixOptions {
  /** G12: where AI analytics go by default. */
  readonly analyticsDestination: AnalyticsDestination;
  /** G11: the seed's messenger slots (source, name, phone), unbound, on the records the default messenger row creates. */
  readonly messengerFieldMap: MessengerFieldMap;
}
