// Every text the product writes into a CRM, by key, in English (the keys of every
// other language: a key missing there does not compile, and texts.test.ts checks it).
// Most keys are their English text; `kind.value` keys name a value the events carry
// (a disposition, a channel, an analytics parameter). `{name}` is filled in by `format`.

export const en = {
  'Call with the client': 'Call with the client',
  'Check the call': 'Check the call',
  'Review the call': 'Review the call',
  'Call the client back': 'Call the client back',
  'Call the client back (voicemail)': 'Call the client back (voicemail)',
  'Hand out the missed call': 'Hand out the missed call',
  'Check the integration settings: a call on a number or SIP account linked to no employee':
    'Check the integration settings: a call on a number or SIP account linked to no employee',
  'Check the integration settings and hand the call to the right manager':
    'Check the integration settings and hand the call to the right manager',
  'Check the integration settings; move the deal and the call to the right agent':
    'Check the integration settings; move the deal and the call to the right agent',
  'Check the integration settings; hand the lead and the call on':
    'Check the integration settings; hand the lead and the call on',
  'Messenger dialog': 'Messenger dialog',
  'Website form': 'Website form',
  'Incoming call': 'Incoming call',
  'Outgoing call': 'Outgoing call',
  Client: 'Client',
  Status: 'Status',
  Duration: 'Duration',
  Recording: 'Recording',
  Chat: 'Chat',
  Summary: 'Summary',
  Channel: 'Channel',
  'Landing page': 'Landing page',
  Pool: 'Pool',
  'Client id': 'GA client ID',
  'Tracking number': 'Tracking number',
  Name: 'Name',
  Email: 'Email',
  Mood: 'Mood',
  client: 'client',
  operator: 'operator',
  overall: 'overall',
  Scores: 'Scores',
  opening: 'opening',
  discovery: 'discovery',
  presentation: 'presentation',
  closing: 'closing',
  'Went well': 'Went well',
  'Needs attention': 'Needs attention',
  Parameters: 'Parameters',
  none: 'none',
  yes: 'yes',
  no: 'no',
  'Call analytics': 'Call analytics',
  Legs: 'Legs',
  'Also concerns': 'Also concerns',
  'Answered by': 'Answered by',
  'Called by': 'Called by',
  'The call was taken by {who}, which is linked to no employee':
    'The call was taken by {who}, which is linked to no employee',
  'The call was taken by {who}, who has no CRM user':
    'The call was taken by {who}, who has no CRM user',
  'extension {value}': 'extension {value}',
  'SIP login {value}': 'SIP login {value}',
  'phone {value}': 'phone {value}',
  'employee code {value}': 'employee code {value}',
  'an employee unknown to the integration': 'an employee unknown to the integration',
  'Done: the client was called back — outgoing call {callId}, {time}; talked: {who}, {talk}':
    'Done: the client was called back — outgoing call {callId}, {time}; talked: {who}, {talk}',
  'Done: the client called again — incoming call {callId}, {time}; talked: {who}, {talk}':
    'Done: the client called again — incoming call {callId}, {time}; talked: {who}, {talk}',
  'disposition.answered': 'answered',
  'disposition.missed': 'missed',
  'disposition.busy': 'busy',
  'disposition.failed': 'failed',
  'disposition.voicemail': 'voicemail',
  'channel.telegram': 'Telegram',
  'channel.viber': 'Viber',
  'channel.facebook': 'Facebook Messenger',
  'channel.webchat': 'website chat',
  'analytics.fillerWords': 'filler words',
  'analytics.profanity': 'profanity',
  'analytics.interruptions': 'interruptions',
  'analytics.objections': 'objections',
  'analytics.nextSteps': 'next steps',
  'analytics.script': 'script adherence',
  'link.contact': "the client's contact",
  'link.lead': "the client's lead",
  'link.deal': "the client's deal",
} as const;

export type TextKey = keyof typeof en;
/** One language's texts: every key, or it does not compile. */
export type Dictionary = Readonly<Record<TextKey, string>>;
