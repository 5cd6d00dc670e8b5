import type { Translate } from '../i18n';

// Times as the project sees them: in its own time zone, in the page's language.

export function formatTime(iso: string | null, timeZone: string, language: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(date);
}

export function formatHour(iso: string, timeZone: string, language: string, withDay: boolean) {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(withDay && { day: '2-digit', month: '2-digit' }),
  }).format(new Date(iso));
}

/** A day of the chart's week: its date only, in the project's zone. */
export function formatDay(iso: string, timeZone: string, language: string) {
  return new Intl.DateTimeFormat(language, { timeZone, day: '2-digit', month: '2-digit' }).format(
    new Date(iso),
  );
}

export function formatAge(seconds: number | null, t: Translate): string {
  if (seconds === null) return '—';
  if (seconds < 120) return t('duration.sec', { n: Math.round(seconds) });
  if (seconds < 7_200) return t('duration.min', { n: Math.round(seconds / 60) });
  if (seconds < 172_800) return t('duration.hour', { n: Math.round(seconds / 3_600) });
  return t('duration.day', { n: Math.round(seconds / 86_400) });
}
