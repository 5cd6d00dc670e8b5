import type { hoursEn } from './en';

// Українські тексти робочих годин, полів месенджерів, країни за замовчуванням і аналітики.

export const hoursUk: Record<keyof typeof hoursEn, string> = {
  'app.saving': 'Збереження…',
  'settings.messengerMap': 'Поля месенджерів',
  'settings.workingHours': 'Робочі години',
  'hours.intro':
    'Години, які рахує строк відкритої задачі, за годинником проєкту ({zone}). Поза ними відлік зупиняється.',
  'hours.none': 'Робочих годин не задано: строки рахують кожну годину.',
  'hours.set': 'Задати робочі години',
  'hours.clear': 'Рахувати кожну годину',
  'hours.week': 'Тижневий розклад',
  'hours.timeHint': 'Час у вигляді ГГ:ХХ; 24:00 — кінець дня.',
  'hours.closed': 'вихідний',
  'hours.from': 'з',
  'hours.to': 'до',
  'hours.addInterval': 'Додати години',
  'hours.daysOff': 'Неробочі дні',
  'hours.dayOff': 'Дата',
  'hours.addDayOff': 'Додати неробочий день',
  'hours.noDaysOff': 'Неробочих днів немає.',
  'day.mon': 'Понеділок',
  'day.tue': 'Вівторок',
  'day.wed': 'Середа',
  'day.thu': 'Четвер',
  'day.fri': "П'ятниця",
  'day.sat': 'Субота',
  'day.sun': 'Неділя',
  'messengerMap.intro':
    "Яке поле CRM отримує кожну деталь діалогу в месенджері (канал, ім'я та телефон клієнта). Одне поле отримує один параметр.",
  'messengerMap.takeCalls': 'Діалоги месенджерів беруть відповідність полів дзвінків',
  'general.defaultCountry': 'Країна за замовчуванням (для місцевих номерів)',
  'general.noCountry': 'немає: читаються лише міжнародні номери',
  'general.analytics': 'AI-аналітика дзвінків іде в',
  'general.analyticsDefault': 'Як заведено в CRM',
  'analytics.deal': 'угоду (коментар)',
  'analytics.call': 'журнал дзвінків',
  'analytics.both': 'обидва',
};
