import type { StorageCapabilities } from '../capabilities.js';

/** D12: what a Salesforce record can hold (see StorageCapabilities). */
export const capabilities = {
  taskLinks: 'who-what',
  callLogLinks: 'who-what',
  commentLinks: 'all',
  taskRecordingField: false,
  callLogRecordingField: false,
  callLogDescription: true,
} as const satisfies StorageCapabilities;
