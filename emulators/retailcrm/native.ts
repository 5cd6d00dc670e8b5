// retailCRM's own records, kept in the CRM's native form (crm-apis.md §3).
// Nothing here knows the neutral snapshot: see view.ts and seed.ts for that.

export interface Source {
  source?: string;
  medium?: string;
  campaign?: string;
  keyword?: string;
  content?: string;
}

/** The UTM block as sent, without members the client left undefined. */
export function sourceFrom(input: { [key: string]: unknown }): Source {
  const out: Source = {};
  for (const key of ['source', 'medium', 'campaign', 'keyword', 'content'] as const) {
    const value = input[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export interface User {
  id: number;
  createdAt: string;
  active: boolean;
  email?: string;
  firstName?: string;
  lastName?: string;
  status: 'free' | 'busy' | 'dinner' | 'break';
  online: boolean;
  isAdmin: boolean;
  isManager: boolean;
}

export interface Customer {
  type: 'customer';
  id: number;
  externalId?: string;
  createdAt: string;
  site: string;
  managerId?: number;
  firstName?: string;
  lastName?: string;
  email?: string;
  phones: Array<{ number: string }>;
  source?: Source;
  customFields: Record<string, string>;
}

export interface CorporateCustomer {
  type: 'customer_corporate';
  id: number;
  externalId?: string;
  createdAt: string;
  site: string;
  nickName?: string;
  managerId?: number;
  source?: Source;
  customFields: Record<string, string>;
  /** Contact persons: individual customers, in the order they were linked. */
  customerContacts: Array<{ isMain: boolean; customer: { id: number } }>;
}

export interface Order {
  id: number;
  externalId?: string;
  number: string;
  createdAt: string;
  site: string;
  orderType?: string;
  orderMethod?: string;
  status: string;
  managerId?: number;
  customer?: { id: number; type: 'customer' };
  /** The corporate customer the order is for (UNVERIFIED simplification, see README). */
  company?: { id: number };
  firstName?: string;
  phone?: string;
  additionalPhone?: string;
  source?: Source;
  customFields: Record<string, string>;
}

export interface Task {
  id: number;
  createdAt: string;
  text: string;
  commentary?: string;
  /** `Y-m-d H:i`, the account's local time. */
  datetime?: string;
  complete: boolean;
  performerId?: number;
  customer?: { id: number };
  order?: { id: number };
  phone?: string;
}

export interface Note {
  id: number;
  createdAt: string;
  text: string;
  managerId?: number;
  customer: { id: number };
}

export type CallType = 'in' | 'out';
export type CallResult = 'answered' | 'busy' | 'failed' | 'no answer' | 'not allowed' | 'unknown';

export interface Call {
  id: number;
  externalId?: string;
  /** `Y-m-d H:i:s`, the account's local time. */
  date: string;
  type: CallType;
  phone: string;
  externalPhone?: string;
  code?: string;
  userId?: number;
  result: CallResult;
  duration?: number;
  durationWaiting?: number;
  recordUrl?: string;
  /** The customer the CRM linked the call to by its phone. */
  customerId?: number;
}

export interface CallEvent {
  phone: string;
  type: 'in' | 'out' | 'hangup';
  codes: string[];
  userIds: number[];
  callExternalId?: string;
  externalPhone?: string;
  hangupStatus?: string;
}

export interface IntegrationModule {
  code: string;
  integrationCode?: string;
  active: boolean;
  name: string;
  clientId?: string;
  baseUrl?: string;
  integrations?: {
    telephony?: {
      makeCallUrl?: string;
      inputEventSupported?: boolean;
      outputEventSupported?: boolean;
      hangupEventSupported?: boolean;
      additionalCodes?: Array<{ userId: number; code: string }>;
    };
  };
}

export const STATUSES = [
  { code: 'new', name: 'New', group: 'new', ordering: 10 },
  { code: 'in-progress', name: 'In progress', group: 'approval', ordering: 20 },
  { code: 'complete', name: 'Complete', group: 'complete', ordering: 30 },
  { code: 'cancel-other', name: 'Cancelled', group: 'cancel', ordering: 40 },
] as const;

export const STATUS_GROUPS = [
  'new',
  'approval',
  'assembling',
  'delivery',
  'complete',
  'cancel',
] as const;

/** The custom fields where the integration keeps tracking data other than UTM (README). */
export const TRACKING_FIELDS = {
  pool: 'callmatrix_pool',
  gaClientId: 'callmatrix_ga_client_id',
  landingPage: 'callmatrix_landing_page',
  trackingNumber: 'callmatrix_tracking_number',
  messengerClientId: 'callmatrix_messenger_client_id',
} as const;
