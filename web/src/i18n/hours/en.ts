// The English texts of the settings added for working hours, the messenger field map, the
// default country and the analytics destination (spread into ../en.ts, so every language must
// have them too).

export const hoursEn = {
  'app.saving': 'Saving…',
  'settings.messengerMap': 'Messenger field mapping',
  'settings.workingHours': 'Working hours',
  'hours.intro':
    "The hours an open task's due time counts, on the project's clocks ({zone}). Outside them the countdown stops.",
  'hours.none': 'No working hours: due times count every hour.',
  'hours.set': 'Set working hours',
  'hours.clear': 'Count every hour',
  'hours.week': 'Weekly schedule',
  'hours.timeHint': 'Times as HH:MM; 24:00 is the end of the day.',
  'hours.closed': 'closed',
  'hours.from': 'from',
  'hours.to': 'to',
  'hours.addInterval': 'Add hours',
  'hours.daysOff': 'Days off',
  'hours.dayOff': 'Date',
  'hours.addDayOff': 'Add day off',
  'hours.noDaysOff': 'No days off.',
  'day.mon': 'Monday',
  'day.tue': 'Tuesday',
  'day.wed': 'Wednesday',
  'day.thu': 'Thursday',
  'day.fri': 'Friday',
  'day.sat': 'Saturday',
  'day.sun': 'Sunday',
  'messengerMap.intro':
    "Which field of the CRM receives each detail of a messenger dialog (its channel, the client's name and phone). One field takes one parameter.",
  'messengerMap.takeCalls': 'Messenger dialogs take the field mapping of calls',
  'general.defaultCountry': 'Default country (reads local phone numbers)',
  'general.noCountry': 'none: only international numbers are read',
  'general.analytics': 'AI call analytics go to',
  'general.analyticsDefault': "The CRM's default",
  'analytics.deal': 'the deal (a comment)',
  'analytics.call': 'the call log',
  'analytics.both': 'both',
} as const;
