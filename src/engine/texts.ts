import type { Language } from '../domain/project.js';

// Texts the product writes into the CRM, per project language (behaviour §5:
// titles are English defaults, translated where a translation exists).

type Dictionary = Readonly<Record<string, string>>;

const uk: Dictionary = {
  'Call with the client': 'Розмова з клієнтом',
  'Check the call': 'Перевірити дзвінок',
  'Review the call': 'Переглянути дзвінок',
  'Call the client back': 'Передзвонити клієнту',
  'Call the client back (voicemail)': 'Передзвонити клієнту (голосова пошта)',
  'Hand out the missed call': 'Розподілити пропущений дзвінок',
  'Check the integration settings: a call on a number or SIP account linked to no employee':
    'Перевірте налаштування інтеграції: дзвінок на номер або SIP-акаунт, не прив’язаний до співробітника',
  'Check the integration settings and hand the call to the right manager':
    'Перевірте налаштування інтеграції та передайте дзвінок потрібному менеджеру',
  'Check the integration settings; move the deal and the call to the right agent':
    'Перевірте налаштування інтеграції; передайте угоду та дзвінок потрібному агенту',
  'Check the integration settings; hand the lead and the call on':
    'Перевірте налаштування інтеграції; передайте лід і дзвінок далі',
  'Messenger dialog': 'Діалог у месенджері',
  'Website form': 'Форма на сайті',
  'Incoming call': 'Вхідний дзвінок',
  'Outgoing call': 'Вихідний дзвінок',
  Client: 'Клієнт',
  Status: 'Статус',
  Duration: 'Тривалість',
  Recording: 'Запис',
  Chat: 'Чат',
  Summary: 'Підсумок',
  Channel: 'Канал',
  'Landing page': 'Сторінка входу',
  Pool: 'Пул номерів',
  'Client id': 'Client ID',
  'Tracking number': 'Номер відстеження',
  Name: 'Ім’я',
  Email: 'Email',
  Mood: 'Настрій',
  client: 'клієнт',
  operator: 'оператор',
  overall: 'загалом',
  Scores: 'Оцінки',
  opening: 'привітання',
  discovery: 'виявлення потреб',
  presentation: 'презентація',
  closing: 'завершення',
  'Went well': 'Що вдалося',
  'Needs attention': 'Потребує уваги',
  Parameters: 'Параметри',
  none: 'немає',
  yes: 'так',
  no: 'ні',
  'Call analytics': 'Аналітика дзвінка',
  Legs: 'Етапи',
  'Also concerns': 'Також стосується',
};

const ru: Dictionary = {
  'Call with the client': 'Разговор с клиентом',
  'Check the call': 'Проверить звонок',
  'Review the call': 'Просмотреть звонок',
  'Call the client back': 'Перезвонить клиенту',
  'Call the client back (voicemail)': 'Перезвонить клиенту (голосовая почта)',
  'Hand out the missed call': 'Распределить пропущенный звонок',
  'Check the integration settings: a call on a number or SIP account linked to no employee':
    'Проверьте настройки интеграции: звонок на номер или SIP-аккаунт, не привязанный к сотруднику',
  'Check the integration settings and hand the call to the right manager':
    'Проверьте настройки интеграции и передайте звонок нужному менеджеру',
  'Check the integration settings; move the deal and the call to the right agent':
    'Проверьте настройки интеграции; передайте сделку и звонок нужному агенту',
  'Check the integration settings; hand the lead and the call on':
    'Проверьте настройки интеграции; передайте лид и звонок дальше',
  'Messenger dialog': 'Диалог в мессенджере',
  'Website form': 'Форма на сайте',
  'Incoming call': 'Входящий звонок',
  'Outgoing call': 'Исходящий звонок',
  Client: 'Клиент',
  Status: 'Статус',
  Duration: 'Длительность',
  Recording: 'Запись',
  Chat: 'Чат',
  Summary: 'Итог',
  Channel: 'Канал',
  'Landing page': 'Страница входа',
  Pool: 'Пул номеров',
  'Client id': 'Client ID',
  'Tracking number': 'Номер отслеживания',
  Name: 'Имя',
  Email: 'Email',
  Mood: 'Настроение',
  client: 'клиент',
  operator: 'оператор',
  overall: 'в целом',
  Scores: 'Оценки',
  opening: 'приветствие',
  discovery: 'выявление потребностей',
  presentation: 'презентация',
  closing: 'завершение',
  'Went well': 'Что удалось',
  'Needs attention': 'Требует внимания',
  Parameters: 'Параметры',
  none: 'нет',
  yes: 'да',
  no: 'нет',
  'Call analytics': 'Аналитика звонка',
  Legs: 'Этапы',
  'Also concerns': 'Также касается',
};

const pl: Dictionary = {
  'Call with the client': 'Rozmowa z klientem',
  'Check the call': 'Sprawdź połączenie',
  'Review the call': 'Przejrzyj połączenie',
  'Call the client back': 'Oddzwoń do klienta',
  'Call the client back (voicemail)': 'Oddzwoń do klienta (poczta głosowa)',
  'Hand out the missed call': 'Przydziel nieodebrane połączenie',
  'Check the integration settings: a call on a number or SIP account linked to no employee':
    'Sprawdź ustawienia integracji: połączenie na numer lub konto SIP niepowiązane z pracownikiem',
  'Check the integration settings and hand the call to the right manager':
    'Sprawdź ustawienia integracji i przekaż połączenie właściwemu menedżerowi',
  'Check the integration settings; move the deal and the call to the right agent':
    'Sprawdź ustawienia integracji; przenieś deal i połączenie do właściwego agenta',
  'Check the integration settings; hand the lead and the call on':
    'Sprawdź ustawienia integracji; przekaż lead i połączenie dalej',
  'Messenger dialog': 'Rozmowa w komunikatorze',
  'Website form': 'Formularz na stronie',
  'Incoming call': 'Połączenie przychodzące',
  'Outgoing call': 'Połączenie wychodzące',
  Client: 'Klient',
  Status: 'Status',
  Duration: 'Czas trwania',
  Recording: 'Nagranie',
  Chat: 'Czat',
  Summary: 'Podsumowanie',
  Channel: 'Kanał',
  'Landing page': 'Strona docelowa',
  Pool: 'Pula numerów',
  'Client id': 'Client ID',
  'Tracking number': 'Numer śledzący',
  Name: 'Imię',
  Email: 'Email',
  Mood: 'Nastrój',
  client: 'klient',
  operator: 'operator',
  overall: 'ogólnie',
  Scores: 'Oceny',
  opening: 'otwarcie',
  discovery: 'rozpoznanie potrzeb',
  presentation: 'prezentacja',
  closing: 'zamknięcie',
  'Went well': 'Co poszło dobrze',
  'Needs attention': 'Wymaga uwagi',
  Parameters: 'Parametry',
  none: 'brak',
  yes: 'tak',
  no: 'nie',
  'Call analytics': 'Analityka połączenia',
  Legs: 'Etapy',
  'Also concerns': 'Dotyczy też',
};

const dictionaries: Record<Language, Dictionary> = { en: {}, uk, ru, pl };

/** The text in the language, or as given where no translation exists. */
export function translate(text: string, language: Language): string {
  return dictionaries[language][text] ?? text;
}

export type Translate = (text: string) => string;
export const translator =
  (language: Language): Translate =>
  (text) =>
    translate(text, language);
