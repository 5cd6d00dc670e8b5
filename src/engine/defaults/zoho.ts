import { defaultMessengerFieldMap } from '../../domain/messenger-field-map.js';
import { sourceTable, type CrmProfile } from '../profile.js';

// ZO-1..ZO-18 (behaviour §4, §5).
export const zoho: CrmProfile = {
  matrix: {
    'incoming.on_answer': ['create_lead'],
    'incoming.answered_by_responsible': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
    ],
    'incoming.answered_by_manager': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
      { action: 'task_responsible', done: false, dueHours: 3, title: 'Check the call' },
    ],
    unknown_employee: [
      {
        action: 'task_top_manager',
        title:
          'Check the integration settings: a call on a number or SIP account linked to no employee',
      },
    ],
    'incoming.missed': [
      'create_lead',
      { action: 'task_responsible', title: 'Call the client back' },
    ],
    'incoming.voicemail': [
      'create_lead',
      { action: 'task_responsible', title: 'Call the client back (voicemail)' },
    ],
    'outgoing.success_by_responsible': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
    ],
    'outgoing.success_by_manager': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
    ],
    'form.submitted': ['create_lead', 'comment'],
    'messenger.contact_provided': ['create_lead'],
    'messenger.dialog_ended': ['comment'],
  },
  // the deal's note and the call's description (G12)
  sourceBinding: {
    lead: { lead_source: 'Lead_Source' },
    contact: { lead_source: 'Lead_Source' },
    deal: { lead_source: 'Lead_Source' },
  },
  // Advertisement and Cold Call are among a new Zoho org's Lead Source values.
  sourceValues: {
    lead: { Lead_Source: sourceTable('Advertisement', 'Cold Call') },
    contact: { Lead_Source: sourceTable('Advertisement', 'Cold Call') },
    deal: { Lead_Source: sourceTable('Advertisement', 'Cold Call') },
  },
  options: {
    analyticsDestination: 'both',
    messengerFieldMap: defaultMessengerFieldMap(['lead']),
  },
  semantics: {
    leads: 'native',
    leadNeedsContact: false,
    popups: false,
    callLogHasDescription: true,
    routingPriority: ['deals', 'leads', 'contacts'],
  },
};
