import type {
  AnalyticsReadyEvent,
  FormSubmittedEvent,
  MessengerEvent,
  Tracking,
} from '../domain/events.js';
import type { Translate } from './texts.js';

// The texts the product writes: task descriptions and comments (G11, G12, ZO-1's call-tracking data).

function trackingLines(tracking: Tracking | null | undefined, t: Translate): string[] {
  if (!tracking) return [];
  const lines: string[] = [];
  const utm = Object.entries(tracking.utm ?? {}).filter(([, value]) => value !== undefined);
  // UTM parameters keep their standard names (utm_source=…) in every language.
  if (utm.length > 0)
    lines.push(`UTM: ${utm.map(([key, value]) => `utm_${key}=${value}`).join(', ')}`);
  if (tracking.pool) lines.push(`${t('Pool')}: ${tracking.pool}`);
  if (tracking.gaClientId) lines.push(`${t('Client id')}: ${tracking.gaClientId}`);
  if (tracking.landingPage) lines.push(`${t('Landing page')}: ${tracking.landingPage}`);
  if (tracking.trackingNumber) lines.push(`${t('Tracking number')}: ${tracking.trackingNumber}`);
  return lines;
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export interface CallFacts {
  readonly direction: 'incoming' | 'outgoing';
  readonly from: string;
  readonly to: string;
  readonly disposition: string | null;
  readonly durationSec: number | null;
  readonly tracking: Tracking | null;
  /** Who answered or dialled, by name; who took the call when nobody known did. */
  readonly people?: readonly string[];
}

export function describeCall(call: CallFacts, t: Translate): string {
  const lines = [
    `${t(call.direction === 'incoming' ? 'Incoming call' : 'Outgoing call')}: ${call.from} → ${call.to}`,
  ];
  const status: string[] = [];
  if (call.disposition) status.push(`${t('Status')}: ${t.value('disposition', call.disposition)}`);
  if (call.durationSec !== null)
    status.push(`${t('Duration')}: ${formatDuration(call.durationSec)}`);
  if (status.length > 0) lines.push(status.join(' · '));
  if (call.people) lines.push(...call.people);
  return [...lines, ...trackingLines(call.tracking, t)].join('\n');
}

export function describeForm(event: FormSubmittedEvent, t: Translate): string {
  const lines = [t('Website form')];
  if (event.name) lines.push(`${t('Name')}: ${event.name}`);
  if (event.phone) lines.push(`${t('Client')}: ${event.phone}`);
  if (event.email) lines.push(`${t('Email')}: ${event.email}`);
  for (const [name, value] of Object.entries(event.fields ?? {})) lines.push(`${name}: ${value}`);
  return [...lines, ...trackingLines(event.tracking, t)].join('\n');
}

export function describeDialog(event: MessengerEvent, t: Translate): string {
  const lines = [`${t('Messenger dialog')} (${t.value('channel', event.channel)})`];
  if (event.name) lines.push(`${t('Name')}: ${event.name}`);
  if (event.phone) lines.push(`${t('Client')}: ${event.phone}`);
  if (event.summary) lines.push(`${t('Summary')}: ${event.summary}`);
  if (event.chatUrl) lines.push(`${t('Chat')}: ${event.chatUrl}`);
  return [...lines, ...trackingLines(event.tracking, t)].join('\n');
}

/** G12: the analytics comment, every section present, "none" where absent. */
export function describeAnalytics(event: AnalyticsReadyEvent, t: Translate): string {
  const none = t('none');
  const lines = [t('Call analytics'), `${t('Summary')}: ${event.summary ?? none}`];
  const mood = event.mood;
  lines.push(
    `${t('Mood')}: ${t('client')} ${mood?.client ?? none}, ${t('operator')} ${mood?.operator ?? none}, ${t('overall')} ${mood?.overall ?? none}`,
  );
  lines.push(`${t('Scores')}:`);
  for (const part of ['opening', 'discovery', 'presentation', 'closing', 'overall'] as const) {
    const score = event.scores?.[part];
    lines.push(
      `- ${t(part)}: ${score ? `${score.score}${score.details ? ` (${score.details})` : ''}` : none}`,
    );
  }
  const custom = Object.entries(event.custom ?? {});
  lines.push(
    `${t('Parameters')}: ${custom.length === 0 ? none : custom.map(([key, value]) => `${t.value('analytics', key)}: ${value ?? none}`).join('; ')}`,
  );
  lines.push(`${t('Went well')}: ${event.wentWell ?? none}`);
  const attention = event.attention;
  lines.push(
    `${t('Needs attention')}: ${attention ? `${t(attention.score > 0 ? 'yes' : 'no')} (${attention.score}${attention.details ? `, ${attention.details}` : ''})` : none}`,
  );
  return lines.join('\n');
}
