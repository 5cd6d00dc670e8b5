import type { Language } from '../domain/project.js';

// Issue 11 item 6 (d): when a broken integration comes back with resend, the
// top manager gets a task in the CRM saying how long it was down and what
// became of the calls held meanwhile, in the project's language.

export interface Outage {
  readonly downMs: number;
  /** Calls (and dialogs) held while it was down and sent now. */
  readonly resent: number;
  /** Calls held longer than the resend window: not sent. */
  readonly expired: number;
}

interface Wording {
  readonly title: string;
  readonly body: (duration: string, outage: Outage) => string;
  readonly hours: string;
  readonly minutes: string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    title: 'The CRM integration is working again',
    body: (d, o) =>
      `The integration with the CRM was down for ${d}. Calls resent: ${o.resent}. Calls expired (older than the resend window, not sent): ${o.expired}.`,
    hours: 'h',
    minutes: 'min',
  },
  uk: {
    title: 'Інтеграція з CRM знову працює',
    body: (d, o) =>
      `Інтеграція з CRM не працювала ${d}. Дзвінків надіслано повторно: ${o.resent}. Дзвінків прострочено (старші за вікно повторного надсилання, не надіслано): ${o.expired}.`,
    hours: 'год',
    minutes: 'хв',
  },
  ru: {
    title: 'Интеграция с CRM снова работает',
    body: (d, o) =>
      `Интеграция с CRM не работала ${d}. Звонков отправлено повторно: ${o.resent}. Звонков просрочено (старше окна повторной отправки, не отправлены): ${o.expired}.`,
    hours: 'ч',
    minutes: 'мин',
  },
  pl: {
    title: 'Integracja z CRM znów działa',
    body: (d, o) =>
      `Integracja z CRM nie działała przez ${d}. Połączenia wysłane ponownie: ${o.resent}. Połączenia przeterminowane (starsze niż okno ponownej wysyłki, niewysłane): ${o.expired}.`,
    hours: 'godz.',
    minutes: 'min',
  },
};

/** "2 h 5 min" in the language's units; under a minute counts as 1 min. */
export function outageDuration(downMs: number, language: Language): string {
  const { hours, minutes } = WORDING[language];
  const total = Math.max(1, Math.round(downMs / 60_000));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} ${minutes}`;
  return m === 0 ? `${h} ${hours}` : `${h} ${hours} ${m} ${minutes}`;
}

/** The task's title and description. */
export function outageTask(
  outage: Outage,
  language: Language,
): { readonly title: string; readonly description: string } {
  const wording = WORDING[language];
  return {
    title: wording.title,
    description: wording.body(outageDuration(outage.downMs, language), outage),
  };
}
