import type { StorageCapabilities } from '../capabilities.js';

/** Lead_Source's values in a new Zoho org (a part of them, as the emulator has it). */
const LEAD_SOURCES = ['Advertisement', 'Cold Call', 'Web Download', 'Chat', 'Website'];

/** D12: what a Zoho record can hold (see StorageCapabilities). */
export const capabilities = {
  taskLinks: 'contact-plus-one',
  callLogLinks: 'contact-plus-one',
  commentLinks: 'one',
  taskRecordingField: false,
  callLogRecordingField: false,
  callLogDescription: true,
  standardPicklists: {
    lead: { Lead_Source: LEAD_SOURCES },
    contact: { Lead_Source: LEAD_SOURCES },
    deal: { Lead_Source: LEAD_SOURCES },
  },
} as const satisfies StorageCapabilities;
