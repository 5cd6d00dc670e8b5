import type { Language } from '../domain/project.js';
import type { CallLog, Comment, Task } from '../domain/snapshot.js';
import { translate } from '../engine/texts.js';
import { legsLine } from './call-log-text.js';

/**
 * D12: what a CRM can hold (each CRM's folder says it in capabilities.ts). The
 * in-memory CRM and the real adapters both fit records through these, so
 * `simulate` and `simulate --via http` agree; whatever a CRM has no field for
 * is written into the record's text.
 */
export interface StorageCapabilities {
  /**
   * Links a task (and a call log) can carry at once:
   * `all`: contact, lead and deal together (Pipedrive activities);
   * `contact-plus-one`: the contact and one of deal / lead (Zoho Who_Id + What_Id);
   * `who-what`: a contact with a deal, or a lead alone (Salesforce WhoId / WhatId);
   * `one`: the most specific record only (retailCRM: order, else customer).
   */
  readonly taskLinks: LinkRule;
  readonly callLogLinks: LinkRule;
  readonly commentLinks: LinkRule;
  /** The task has a recording-URL field (none of the four does: it goes to the description). */
  readonly taskRecordingField: boolean;
  readonly callLogRecordingField: boolean;
  /** The call log keeps a text where recordings, legs and analytics can go. */
  readonly callLogDescription: boolean;
  /**
   * Issue 14 item 4: the CRM's standard picklists a field map may write into, with the values a
   * new account has (its emulator has the same): the in-memory CRM holds records to them as the
   * real one is held to its metadata, so `simulate` leaves out what `--via http` leaves out.
   */
  readonly standardPicklists?: Readonly<
    Partial<Record<'lead' | 'contact' | 'deal', Readonly<Record<string, readonly string[]>>>>
  >;
  /**
   * Issue 14 item 4: records keep their UTM tags in a source block a field map can write into
   * (`source_source` … `source_content`, src/crm/source-block.ts): retailCRM's customers and orders.
   */
  readonly sourceBlock?: boolean;
}

export type LinkRule = 'all' | 'contact-plus-one' | 'who-what' | 'one' | 'contact-only';

interface Linked {
  contactId?: string | null | undefined;
  leadId?: string | null | undefined;
  dealId?: string | null | undefined;
}

export type LinkName = 'contactId' | 'leadId' | 'dealId';
const LABEL: Record<LinkName, string> = {
  contactId: "the client's contact",
  leadId: "the client's lead",
  dealId: "the client's deal",
};

/**
 * The links a record keeps under the rule, and a line naming those it had to
 * drop (D9). Every link of one task is the same client's, so the line names a
 * dropped record by its kind as the client's, never by a raw CRM id (issue 14
 * item 3): the manager opens it from the record the task keeps.
 */
export function fitLinks<T extends Linked>(
  record: T,
  rule: LinkRule,
  labels: Readonly<Record<LinkName, string>> = LABEL,
): { record: T; dropped: string | null } {
  const has = (name: LinkName): boolean => typeof record[name] === 'string';
  let keep: LinkName[];
  switch (rule) {
    case 'all':
      keep = ['contactId', 'leadId', 'dealId'];
      break;
    case 'contact-plus-one':
      keep = ['contactId', has('dealId') ? 'dealId' : 'leadId'];
      break;
    case 'who-what':
      keep = has('dealId') || !has('leadId') ? ['contactId', 'dealId'] : ['leadId'];
      break;
    case 'one':
      keep = [has('dealId') ? 'dealId' : has('leadId') ? 'leadId' : 'contactId'];
      break;
    case 'contact-only':
      keep = ['contactId'];
      break;
  }
  const out = { ...record };
  const dropped: string[] = [];
  for (const name of ['contactId', 'leadId', 'dealId'] as const) {
    if (keep.includes(name)) continue;
    if (has(name)) dropped.push(labels[name]);
    if (name in out) out[name] = null;
  }
  return { record: out, dropped: dropped.length > 0 ? dropped.join(', ') : null };
}

const appendLine = (text: string | undefined, line: string): string =>
  text ? `${text}\n${line}` : line;

export interface FitTexts {
  readonly recording: string;
  readonly alsoConcerns: string;
  readonly legs: string;
  /** The record kinds an "Also concerns" line names. */
  readonly links: Readonly<Record<LinkName, string>>;
  /** The subject of a call log where the CRM wants one. */
  readonly incomingCall: string;
  readonly outgoingCall: string;
}

/** The fit texts in the project's language. */
export function fitTexts(language: Language): FitTexts {
  return {
    recording: translate('Recording', language),
    alsoConcerns: translate('Also concerns', language),
    legs: translate('Legs', language),
    links: {
      contactId: translate('link.contact', language),
      leadId: translate('link.lead', language),
      dealId: translate('link.deal', language),
    },
    incomingCall: translate('Incoming call', language),
    outgoingCall: translate('Outgoing call', language),
  };
}

export function fitTask(task: Task, caps: StorageCapabilities, texts: FitTexts): Task {
  const { record, dropped } = fitLinks(task, caps.taskLinks, texts.links);
  let description = record.description;
  if (dropped) description = appendLine(description, `${texts.alsoConcerns}: ${dropped}`);
  if (!caps.taskRecordingField && record.recordingUrl) {
    description = appendLine(description, `${texts.recording}: ${record.recordingUrl}`);
  }
  return {
    ...record,
    ...(description !== undefined && { description }),
    recordingUrl: caps.taskRecordingField ? (record.recordingUrl ?? null) : null,
  };
}

export function fitCallLog(log: CallLog, caps: StorageCapabilities, texts: FitTexts): CallLog {
  const { record } = fitLinks(log, caps.callLogLinks);
  const { legs, ...rest } = record;
  let description = record.description;
  if (caps.callLogDescription) {
    if (!caps.callLogRecordingField && record.recordingUrl)
      description = appendLine(description, `${texts.recording}: ${record.recordingUrl}`);
    if (legs && legs.length > 0) description = appendLine(description, legsLine(legs, texts));
  }
  return {
    ...rest,
    ...(description !== undefined && { description }),
    recordingUrl: caps.callLogRecordingField ? (record.recordingUrl ?? null) : null,
  };
}

export function fitComment(comment: Comment, caps: StorageCapabilities): Comment {
  return fitLinks(comment, caps.commentLinks).record;
}
