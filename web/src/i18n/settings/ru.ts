import type { settingsEn } from './en';

// Русские тексты вкладки настроек, столбца звонившего в журнале и запросов к CRM на графике.

export const settingsRu: Record<keyof typeof settingsEn, string> = {
  'settings.title': 'Настройки',
  'settings.fieldMap': 'Соответствие полей',
  'settings.pipelines': 'Правила воронок',
  'settings.stopList': 'Стоп-лист',
  'settings.general': 'Общие',
  'settings.sections': 'Разделы настроек',
  'entity.lead': 'Лид',
  'entity.contact': 'Контакт',
  'entity.deal': 'Сделка',
  'fieldMap.intro':
    'Какое поле CRM получает каждый параметр звонка или формы. Одно поле получает один параметр.',
  'fieldMap.entity': 'Запись',
  'fieldMap.parameter': 'Параметр',
  'fieldMap.field': 'Поле CRM',
  'fieldMap.notMapped': 'не сопоставлено',
  'fieldMap.taken': '{field} (получает {param})',
  'fieldMap.conflict': '{field} уже получает {param}: одно поле — один параметр',
  'fieldMap.noFields': 'Не удалось прочитать список полей CRM: {reason}',
  'pipelines.intro':
    'Воронку новой сделки выбирает первое правило, чей параметр имеет это значение; правила проверяются сверху вниз.',
  'pipelines.keyboard': 'Перетащите правило за ручку или воспользуйтесь кнопками «Вверх» и «Вниз».',
  'pipelines.rule': 'Правило {n}',
  'pipelines.pipeline': 'Воронка',
  'pipelines.param': 'Параметр',
  'pipelines.value': 'Значение',
  'pipelines.up': 'Вверх',
  'pipelines.down': 'Вниз',
  'pipelines.drag': 'Перетащите, чтобы изменить порядок',
  'pipelines.moved': 'Правило перемещено на позицию {n}',
  'pipelines.empty': 'Правил нет: новые сделки попадают в воронку CRM по умолчанию.',
  'stopList.intro':
    'Звонки с этих номеров или на них ничего не создают (номера отслеживания, SIP и собственные). Вводите их в любом формате: сервис хранит каждый действительный номер в международном виде.',
  'stopList.number': 'Номер, который добавить',
  'stopList.empty': 'Стоп-лист пуст.',
  'stopList.entries': 'Номера в стоп-листе',
  'general.language': 'Язык текстов, которые записываются в CRM',
  'general.timezone': 'Часовой пояс',
  'general.taskDueHours': 'Срок задач (часов)',
  'general.resendWindow': 'Окно повторной отправки (дней)',
  'general.routingPriority': 'Приоритет маршрутизации',
  'general.routingHint':
    'Куда в первую очередь направляется звонок, когда у клиента несколько записей.',
  'general.routingDefault': 'По умолчанию для CRM',
  'routing.deals': 'сделки',
  'routing.leads': 'лиды',
  'routing.contacts': 'контакты',
  'journal.caller': 'Кто звонил',
  'chart.crmTotal': 'Запросов к CRM: {count}',
};
