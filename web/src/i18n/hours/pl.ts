import type { hoursEn } from './en';

// Polskie teksty godzin pracy, pól komunikatorów, domyślnego kraju i analityki.

export const hoursPl: Record<keyof typeof hoursEn, string> = {
  'app.saving': 'Zapisywanie…',
  'settings.messengerMap': 'Pola komunikatorów',
  'settings.workingHours': 'Godziny pracy',
  'hours.intro':
    'Godziny, które liczy termin otwartego zadania, według zegara projektu ({zone}). Poza nimi odliczanie staje.',
  'hours.none': 'Brak godzin pracy: terminy liczą każdą godzinę.',
  'hours.set': 'Ustaw godziny pracy',
  'hours.clear': 'Licz każdą godzinę',
  'hours.week': 'Plan tygodnia',
  'hours.timeHint': 'Godziny jako GG:MM; 24:00 to koniec dnia.',
  'hours.closed': 'zamknięte',
  'hours.from': 'od',
  'hours.to': 'do',
  'hours.addInterval': 'Dodaj godziny',
  'hours.daysOff': 'Dni wolne',
  'hours.dayOff': 'Data',
  'hours.addDayOff': 'Dodaj dzień wolny',
  'hours.noDaysOff': 'Brak dni wolnych.',
  'day.mon': 'Poniedziałek',
  'day.tue': 'Wtorek',
  'day.wed': 'Środa',
  'day.thu': 'Czwartek',
  'day.fri': 'Piątek',
  'day.sat': 'Sobota',
  'day.sun': 'Niedziela',
  'messengerMap.intro':
    'Które pole CRM otrzymuje każdy szczegół rozmowy w komunikatorze (kanał, imię i telefon klienta). Jedno pole przyjmuje jeden parametr.',
  'messengerMap.takeCalls': 'Rozmowy z komunikatorów biorą mapowanie pól połączeń',
  'general.defaultCountry': 'Domyślny kraj (dla numerów lokalnych)',
  'general.noCountry': 'brak: czytane są tylko numery międzynarodowe',
  'general.analytics': 'Analityka AI połączeń trafia do',
  'general.analyticsDefault': 'Domyślnie dla CRM',
  'analytics.deal': 'transakcji (komentarz)',
  'analytics.call': 'rejestru połączeń',
  'analytics.both': 'obu',
};
