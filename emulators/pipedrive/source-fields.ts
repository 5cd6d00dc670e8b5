import { fail, int, str } from './http.js';

// Deals' and leads' source fields (Pipedrive changelog, May 2024; the official client's Deal
// and Lead models): `origin` and `origin_id` are set by Pipedrive (`origin_id` may be given on
// create), `channel` is a single option of the account's "Source channel" field and `channel_id`
// free text; both editable. The options below are those a Pipedrive account's dealFields lists
// for `channel` (ids, labels and alt_ids as a real account answers them); the emulator takes only
// those, as Pipedrive takes only an option it has (the refusal's wording is the emulator's own,
// Pipedrive's is UNVERIFIED).

export interface PdSourceFields {
  origin: string;
  origin_id: string | null;
  channel: number | null;
  channel_id: string | null;
}

export const CHANNEL_OPTIONS: ReadonlyArray<{ id: number; label: string; alt_id: string }> = [
  { id: 64, label: 'Prospector', alt_id: 'prospector' },
  { id: 65, label: 'Lead Suggestions', alt_id: 'lead_suggestions' },
  { id: 66, label: 'Web forms', alt_id: 'web_forms' },
  { id: 67, label: 'Chatbot', alt_id: 'chatbot' },
  { id: 68, label: 'Live chat', alt_id: 'live_chat' },
  { id: 69, label: 'Web visitors', alt_id: 'web_visitors' },
  { id: 70, label: 'Campaigns', alt_id: 'campaigns' },
  { id: 71, label: 'Marketplace', alt_id: 'marketplace' },
  { id: 72, label: 'Messaging Inbox', alt_id: 'messaging_inbox' },
];

const ORIGIN_OPTIONS = [
  ['ManuallyCreated', 'Manually created'],
  ['Import', 'Import'],
  ['API', 'API'],
  ['Automation', 'Automation'],
  ['Marketplace', 'Marketplace'],
  ['Prospector', 'Prospector'],
  ['LeadSuggestion', 'Lead suggestions'],
  ['WebForms', 'Web Forms'],
  ['Chatbot', 'Chatbot'],
  ['LiveChat', 'Live Chat'],
  ['WebVisitors', 'Web Visitors'],
  ['Campaigns', 'Campaigns'],
  ['MessagingInbox', 'Messaging inbox'],
].map(([id, label]) => ({ id, label }));

/** The four fields as dealFields lists them (leads share the deal fields). */
export function sourceFieldList(firstId: number): Array<Record<string, unknown>> {
  const field = (key: string, name: string, fieldType: string, extra = {}) => ({
    key,
    name,
    field_type: fieldType,
    edit_flag: false,
    mandatory_flag: true,
    ...extra,
  });
  return [
    field('origin', 'Source origin', 'enum', { options: ORIGIN_OPTIONS }),
    field('origin_id', 'Source origin ID', 'varchar'),
    field('channel', 'Source channel', 'enum', { options: CHANNEL_OPTIONS }),
    field('channel_id', 'Source channel ID', 'varchar'),
  ].map((entry, index) => ({ id: firstId + index, ...entry }));
}

function channelOf(body: Record<string, unknown>): number | null | undefined {
  if (typeof body['channel'] === 'string' && !/^\d+$/.test(body['channel']))
    return fail(400, 'channel must be the id of a Source channel option (an integer)');
  const id = int(body, 'channel');
  if (id !== undefined && id !== null && !CHANNEL_OPTIONS.some((option) => option.id === id))
    return fail(400, `channel: ${id} is not an option of the Source channel field`);
  return id;
}

function channelIdOf(body: Record<string, unknown>): string | null | undefined {
  if (body['channel_id'] === null) return null;
  return str(body, 'channel_id');
}

/** A created record's source fields: origin `API` (set by Pipedrive), the rest as given. */
export function createdSource(body: Record<string, unknown>): PdSourceFields {
  return {
    origin: 'API',
    origin_id: str(body, 'origin_id') ?? null,
    channel: channelOf(body) ?? null,
    channel_id: channelIdOf(body) ?? null,
  };
}

/** An edit: `channel` and `channel_id` change when given; `origin` and `origin_id` never do. */
export function editedSource(body: Record<string, unknown>): Partial<PdSourceFields> {
  const channel = channelOf(body);
  const channelId = channelIdOf(body);
  return {
    ...(channel !== undefined && { channel }),
    ...(channelId !== undefined && { channel_id: channelId }),
  };
}

/** The record's source fields as a response has them. */
export function sourceView(record: PdSourceFields): PdSourceFields {
  return {
    origin: record.origin,
    origin_id: record.origin_id,
    channel: record.channel,
    channel_id: record.channel_id,
  };
}

/** The neutral snapshot's fields: the channel by its label (what a field map names), and channel_id. */
export function sourceFieldsOf(record: PdSourceFields): Record<string, string> {
  const label = CHANNEL_OPTIONS.find((option) => option.id === record.channel)?.label;
  return {
    ...(label !== undefined && { channel: label }),
    ...(record.channel_id !== null && { channel_id: record.channel_id }),
  };
}

/** A seeded record (scenario state): created by hand, no channel. */
export const SEEDED_SOURCE: PdSourceFields = {
  origin: 'ManuallyCreated',
  origin_id: null,
  channel: null,
  channel_id: null,
};
