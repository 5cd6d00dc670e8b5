import type { StorageCapabilities } from '../capabilities.js';

/** D12: what a Pipedrive record can hold (see StorageCapabilities). */
export const capabilities = {
  taskLinks: 'all',
  callLogLinks: 'contact-plus-one',
  commentLinks: 'all',
  taskRecordingField: false,
  callLogRecordingField: false,
  callLogDescription: true,
} as const satisfies StorageCapabilities;
