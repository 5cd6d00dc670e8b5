import type { ModuleName } from './fields.js';

// The neutral snapshot's collections and fields ↔ Zoho's modules and native
// field names, as the README's field table gives them (seed and snapshot both
// read them).

export type Collection =
  'contacts' | 'leads' | 'deals' | 'organizations' | 'tasks' | 'comments' | 'calls';
export const MODULE_OF: Record<Collection, ModuleName> = {
  contacts: 'Contacts',
  leads: 'Leads',
  deals: 'Deals',
  organizations: 'Accounts',
  tasks: 'Tasks',
  comments: 'Notes',
  calls: 'Calls',
};
export const COLLECTION_OF = Object.fromEntries(
  Object.entries(MODULE_OF).map(([collection, module]) => [module, collection]),
) as Record<ModuleName, Collection>;
export const CONTACT_PHONES = ['Phone', 'Mobile', 'Home_Phone', 'Other_Phone', 'Asst_Phone'];
export const LEAD_PHONES = ['Phone', 'Mobile'];
export const UTM: ReadonlyArray<[string, string]> = [
  ['source', 'UTM_Source'],
  ['medium', 'UTM_Medium'],
  ['campaign', 'UTM_Campaign'],
  ['term', 'UTM_Term'],
  ['content', 'UTM_Content'],
];
export const TRACKING: ReadonlyArray<[string, string]> = [
  ['pool', 'Tracking_Pool'],
  ['gaClientId', 'GA_Client_ID'],
  ['landingPage', 'Landing_Page'],
  ['trackingNumber', 'Tracking_Number'],
  ['messengerClientId', 'Messenger_Client_ID'],
];
/** Native fields the neutral form maps (or Zoho keeps itself); any other field is a custom one of `fields`. */
export const MAPPED = new Set([
  'id',
  'Owner',
  'First_Name',
  'Last_Name',
  'Email',
  'Account_Name',
  'Deal_Name',
  'Stage',
  'Pipeline',
  'Contact_Name',
  'Related_Contact',
  'Lead_Status',
  'Description',
  'Created_Time',
  'Modified_Time',
  'Created_By',
  'Modified_By',
  'Callmatrix_Key',
  ...CONTACT_PHONES,
  ...UTM.map(([, field]) => field),
  ...TRACKING.map(([, field]) => field),
]);

export const ref = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
    ? (value as { id: string }).id
    : undefined;
