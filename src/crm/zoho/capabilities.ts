import type { StorageCapabilities } from '../capabilities.js';

/** D12: what a Zoho record can hold (see StorageCapabilities). */
export const capabilities = {
  taskLinks: 'contact-plus-one',
  callLogLinks: 'contact-plus-one',
  commentLinks: 'one',
  taskRecordingField: false,
  callLogRecordingField: false,
  callLogDescription: true,
} as const satisfies StorageCapabilities;
