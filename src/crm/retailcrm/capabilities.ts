import type { StorageCapabilities } from '../capabilities.js';

/** D12: what a retailCRM record can hold (see StorageCapabilities). */
export const capabilities = {
  taskLinks: 'one',
  callLogLinks: 'contact-only',
  commentLinks: 'contact-only',
  taskRecordingField: false,
  callLogRecordingField: true,
  callLogDescription: false,
  sourceBlock: true,
} as const satisfies StorageCapabilities;
