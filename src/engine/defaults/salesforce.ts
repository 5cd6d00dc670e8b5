import { defaultMessengerFieldMap } from '../../domain/messenger-field-map.js';
import { sourceTable, type CrmProfile } from '../profile.js';

// SF-1..SF-13 (behaviour §4, §5).
export const salesforce: CrmProfile = {
  matrix: {
    'incoming.on_answer': ['create_lead'],
    'incoming.answered_by_responsible': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
    ],
    'incoming.answered_by_manager': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
      { action: 'task_responsible', done: false, title: 'Check the call' },
    ],
    unknown_employee: [
      {
        action: 'task_top_manager',
        title: 'Check the integration settings; hand the lead and the call on',
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
      { action: 'task_responsible', done: true, title: 'Review the call' },
    ],
    'form.submitted': ['create_lead', 'comment'],
    'messenger.contact_provided': ['create_lead'],
    'messenger.dialog_ended': ['comment'],
  },
  // the deal's note and the call's description (G12)
  sourceBinding: {
    lead: { lead_source: 'LeadSource' },
    contact: { lead_source: 'LeadSource' },
    deal: { lead_source: 'LeadSource' },
  },
  // Web and Phone Inquiry are among a new org's LeadSource values.
  sourceValues: {
    lead: { LeadSource: sourceTable('Web', 'Phone Inquiry') },
    contact: { LeadSource: sourceTable('Web', 'Phone Inquiry') },
    deal: { LeadSource: sourceTable('Web', 'Phone Inquiry') },
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
    routingPriority: ['leads', 'deals', 'contacts'],
  },
};
