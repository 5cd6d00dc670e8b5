import { defaultMessengerFieldMap } from '../../domain/messenger-field-map.js';
import type { CrmProfile } from '../profile.js';

// PD-1..PD-14 (behaviour §4, §5).
export const pipedrive: CrmProfile = {
  matrix: {
    'incoming.on_answer': ['create_contact', 'create_deal', 'create_organization'],
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
        title: 'Check the integration settings; move the deal and the call to the right agent',
      },
    ],
    'incoming.missed': [
      'create_contact',
      'create_deal',
      'create_organization',
      { action: 'task_responsible', title: 'Call the client back' },
    ],
    'incoming.voicemail': [
      'create_contact',
      'create_deal',
      'create_organization',
      { action: 'task_responsible', title: 'Call the client back (voicemail)' },
    ],
    'outgoing.success_by_responsible': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
    ],
    'outgoing.success_by_manager': [
      { action: 'task_responsible', done: true, title: 'Review the call' },
    ],
    'form.submitted': ['create_contact', 'create_deal', 'create_organization', 'comment'],
    'messenger.contact_provided': ['create_lead'],
    'messenger.dialog_ended': ['comment'],
  },
  // the deal's note and the call's description (G12)
  // Issue 14 item 4: the Source channel ID (text) takes lead_source as it is. The Source channel's
  // options in a new account are Pipedrive's own channels (Prospector, Web forms, Chatbot…), none
  // of which an ad or a call-tracking pool is: `channel` is bound once the account has options for
  // them (docs/crm/pipedrive.md).
  sourceBinding: {
    deal: { lead_source: 'channel_id' },
    lead: { lead_source: 'channel_id' },
  },
  sourceValues: {},
  options: {
    analyticsDestination: 'both',
    messengerFieldMap: defaultMessengerFieldMap(['contact', 'lead']),
  },
  semantics: {
    leads: 'native',
    leadNeedsContact: true,
    popups: false,
    callLogHasDescription: true,
    routingPriority: ['deals', 'leads', 'contacts'],
  },
};
