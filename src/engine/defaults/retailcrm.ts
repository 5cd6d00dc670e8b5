import { defaultMessengerFieldMap } from '../../domain/messenger-field-map.js';
import type { CrmProfile } from '../profile.js';

// RC-1..RC-18 (behaviour §4, §5). retailCRM has no leads: a customer and an order play the part.
/** The source block's parts, each bound to the parameter it takes (free text, no value table). */
const RETAILCRM_SOURCE_BLOCK = {
  lead_source: 'source_source',
  utm_medium: 'source_medium',
  utm_campaign: 'source_campaign',
  utm_term: 'source_keyword',
  utm_content: 'source_content',
} as const;

export const retailcrm: CrmProfile = {
  matrix: {
    'incoming.on_answer': ['create_contact', 'create_deal'],
    'incoming.answered_by_responsible': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
    ],
    'incoming.answered_by_manager': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
      { action: 'task_responsible', done: false, title: 'Review the call' },
      'assign_to_manager',
    ],
    unknown_employee: [
      {
        action: 'task_top_manager',
        title: 'Check the integration settings and hand the call to the right manager',
      },
    ],
    'incoming.missed': [
      'create_contact',
      'create_deal',
      { action: 'task_top_manager', title: 'Hand out the missed call' },
    ],
    'incoming.voicemail': [
      'create_contact',
      'create_deal',
      { action: 'task_responsible', title: 'Call the client back (voicemail)' },
    ],
    'outgoing.success_by_responsible': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
    ],
    'outgoing.success_by_manager': [
      { action: 'task_manager', done: true, title: 'Call with the client' },
      { action: 'task_responsible', done: false, title: 'Review the call' },
    ],
    'form.submitted': ['create_contact', 'create_deal', 'comment'],
    'messenger.contact_provided': ['create_lead'],
    'messenger.dialog_ended': ['comment'],
  },
  // a retailCRM call keeps no text (D12): the order's comment only
  // Issue 14 item 4: the source block of customers and orders (docs/crm/retailcrm.md); lead_source
  // puts the call-tracking pool there when the call came without UTM tags.
  sourceBinding: {
    contact: RETAILCRM_SOURCE_BLOCK,
    deal: RETAILCRM_SOURCE_BLOCK,
  },
  sourceValues: {},
  options: {
    analyticsDestination: 'deal',
    messengerFieldMap: defaultMessengerFieldMap(['contact', 'deal']),
  },
  semantics: {
    leads: 'contact-and-deal',
    leadNeedsContact: true,
    popups: true,
    callLogHasDescription: false,
    routingPriority: ['deals', 'leads', 'contacts'],
  },
};
