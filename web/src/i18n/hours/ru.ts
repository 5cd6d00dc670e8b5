import type { hoursEn } from './en';

// Русские тексты рабочих часов, полей мессенджеров, страны по умолчанию и аналитики.

export const hoursRu: Record<keyof typeof hoursEn, string> = {
  'app.saving': 'Сохранение…',
  'settings.messengerMap': 'Поля мессенджеров',
  'settings.workingHours': 'Рабочие часы',
  'hours.intro':
    'Часы, которые считает срок открытой задачи, по часам проекта ({zone}). Вне них отсчёт останавливается.',
  'hours.none': 'Рабочие часы не заданы: сроки считают каждый час.',
  'hours.set': 'Задать рабочие часы',
  'hours.clear': 'Считать каждый час',
  'hours.week': 'Недельное расписание',
  'hours.timeHint': 'Время в виде ЧЧ:ММ; 24:00 — конец дня.',
  'hours.closed': 'выходной',
  'hours.from': 'с',
  'hours.to': 'до',
  'hours.addInterval': 'Добавить часы',
  'hours.daysOff': 'Нерабочие дни',
  'hours.dayOff': 'Дата',
  'hours.addDayOff': 'Добавить нерабочий день',
  'hours.noDaysOff': 'Нерабочих дней нет.',
  'day.mon': 'Понедельник',
  'day.tue': 'Вторник',
  'day.wed': 'Среда',
  'day.thu': 'Четверг',
  'day.fri': 'Пятница',
  'day.sat': 'Суббота',
  'day.sun': 'Воскресенье',
  'messengerMap.intro':
    'Какое поле CRM получает каждую деталь диалога в мессенджере (канал, имя и телефон клиента). Одно поле получает один параметр.',
  'messengerMap.takeCalls': 'Диалоги мессенджеров берут соответствие полей звонков',
  'general.defaultCountry': 'Страна по умолчанию (для местных номеров)',
  'general.noCountry': 'нет: читаются только международные номера',
  'general.analytics': 'AI-аналитика звонков идёт в',
  'general.analyticsDefault': 'Как принято в CRM',
  'analytics.deal': 'сделку (комментарий)',
  'analytics.call': 'журнал звонков',
  'analytics.both': 'оба',
};
