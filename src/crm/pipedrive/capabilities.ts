import type { StorageCapabilities } from '../capabilities.js';

/** The Source channel's options of a Pipedrive account (its emulator has the same, with their ids). */
const CHANNELS = [
  'Prospector',
  'Lead Suggestions',
  'Web forms',
  'Chatbot',
  'Live chat',
  'Web visitors',
  'Campaigns',
  'Marketplace',
  'Messaging Inbox',
];

/** D12: what a Pipedrive record can hold (see StorageCapabilities). */
export const capabilities = {
  taskLinks: 'all',
  callLogLinks: 'contact-plus-one',
  commentLinks: 'all',
  taskRecordingField: false,
  callLogRecordingField: false,
  callLogDescription: true,
  standardPicklists: { lead: { channel: CHANNELS }, deal: { channel: CHANNELS } },
} as const satisfies StorageCapabilities;
