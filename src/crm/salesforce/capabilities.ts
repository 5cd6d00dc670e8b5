import type { StorageCapabilities } from '../capabilities.js';

/** LeadSource's values in a new org (Lead, Contact, Opportunity). */
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

/** D12: what a Salesforce record can hold (see StorageCapabilities). */
export const capabilities = {
  taskLinks: 'who-what',
  callLogLinks: 'who-what',
  commentLinks: 'all',
  taskRecordingField: false,
  callLogRecordingField: false,
  callLogDescription: true,
  standardPicklists: {
    lead: { LeadSource: LEAD_SOURCES },
    contact: { LeadSource: LEAD_SOURCES },
    deal: { LeadSource: LEAD_SOURCES },
  },
} as const satisfies StorageCapabilities;
