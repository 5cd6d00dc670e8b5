// Field metadata of the emulated org, per module: what `GET /settings/fields`
// answers (the SDK needs it before its first write, crm-apis.md §6) and what
// record writes are validated against (§1.5). Custom fields are the ones the
// integration's README asks the user to create.

export type DataType =
  | 'text'
  | 'textarea'
  | 'phone'
  | 'email'
  | 'lookup'
  | 'ownerlookup'
  | 'picklist'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'integer';

export interface FieldMeta {
  readonly api_name: string;
  /** Set for a field created through the API (custom-fields.ts); others get a label from the API name. */
  readonly field_label?: string;
  /** Set for a field created through the API; others get an id from their position. */
  readonly id?: string;
  readonly data_type: DataType;
  readonly system_mandatory?: boolean;
  readonly custom_field?: boolean;
  readonly length?: number;
  /** Module the lookup points to; `$se_module` decides for What_Id. */
  readonly lookup?: string;
  readonly pick_list_values?: readonly string[];
  readonly read_only?: boolean;
  /** "Do not allow duplicate values": a second record with the same value is DUPLICATE_DATA. */
  readonly unique?: boolean;
}

export const MODULES = [
  'Leads',
  'Contacts',
  'Accounts',
  'Deals',
  'Tasks',
  'Calls',
  'Notes',
] as const;
export type ModuleName = (typeof MODULES)[number];
export const isModule = (name: string): name is ModuleName =>
  (MODULES as readonly string[]).includes(name);

export const LEAD_STATUSES = [
  'Not Contacted',
  'Attempted to Contact',
  'Contact in Future',
  'Contacted',
  'Pre-Qualified',
  'Not Qualified',
  'Lost Lead',
  'Junk Lead',
];
export const CLOSED_LEAD_STATUSES = ['Not Qualified', 'Lost Lead', 'Junk Lead'];
export const STAGES: ReadonlyArray<{
  name: string;
  forecast: 'Open' | 'Closed Won' | 'Closed Lost';
}> = [
  { name: 'Qualification', forecast: 'Open' },
  { name: 'Needs Analysis', forecast: 'Open' },
  { name: 'Value Proposition', forecast: 'Open' },
  { name: 'Identify Decision Makers', forecast: 'Open' },
  { name: 'Proposal/Price Quote', forecast: 'Open' },
  { name: 'Negotiation/Review', forecast: 'Open' },
  { name: 'Closed Won', forecast: 'Closed Won' },
  { name: 'Closed Lost', forecast: 'Closed Lost' },
  { name: 'Closed-Lost to Competition', forecast: 'Closed Lost' },
];
export const TASK_STATUSES = [
  'Not Started',
  'Deferred',
  'In Progress',
  'Completed',
  'Waiting for input',
];

const text = (api_name: string, extra: Partial<FieldMeta> = {}): FieldMeta => ({
  api_name,
  data_type: 'text',
  length: 255,
  ...extra,
});
const custom = (api_name: string, extra: Partial<FieldMeta> = {}): FieldMeta =>
  text(api_name, { custom_field: true, ...extra });
const phone = (api_name: string): FieldMeta => ({ api_name, data_type: 'phone', length: 30 });
const owner: FieldMeta = { api_name: 'Owner', data_type: 'ownerlookup', lookup: 'users' };
const lookup = (api_name: string, module: string, extra: Partial<FieldMeta> = {}): FieldMeta => ({
  api_name,
  data_type: 'lookup',
  lookup: module,
  ...extra,
});
const system = (api_name: string, data_type: DataType): FieldMeta => ({
  api_name,
  data_type,
  read_only: true,
});

/** UTM, tracking and the operation key (D13), on every module the integration creates records in. */
const TRACKING: readonly FieldMeta[] = [
  custom('UTM_Source'),
  custom('UTM_Medium'),
  custom('UTM_Campaign'),
  custom('UTM_Term'),
  custom('UTM_Content'),
  custom('Tracking_Pool'),
  custom('GA_Client_ID'),
  custom('Landing_Page'),
  custom('Tracking_Number'),
  custom('Messenger_Client_ID'),
];
const KEY = custom('Callmatrix_Key', { unique: true });
const COMMON: readonly FieldMeta[] = [
  owner,
  { api_name: 'Description', data_type: 'textarea', length: 32000 },
  system('Created_Time', 'datetime'),
  system('Modified_Time', 'datetime'),
  system('Created_By', 'ownerlookup'),
  system('Modified_By', 'ownerlookup'),
];

/** Zoho's standard Lead Source picklist, on Leads, Contacts and Deals as Zoho has it (a part of its default values). */
export const LEAD_SOURCE: FieldMeta = {
  api_name: 'Lead_Source',
  data_type: 'picklist',
  pick_list_values: ['Advertisement', 'Cold Call', 'Web Download', 'Chat', 'Website'],
};

export const FIELDS: Record<ModuleName, readonly FieldMeta[]> = {
  Leads: [
    text('First_Name', { length: 40 }),
    text('Last_Name', { system_mandatory: true, length: 80 }),
    text('Company', { length: 200 }),
    phone('Phone'),
    phone('Mobile'),
    { api_name: 'Email', data_type: 'email', length: 100 },
    { api_name: 'Lead_Status', data_type: 'picklist', pick_list_values: LEAD_STATUSES },
    LEAD_SOURCE,
    lookup('Related_Contact', 'Contacts', { custom_field: true }),
    ...TRACKING,
    KEY,
    ...COMMON,
  ],
  Contacts: [
    text('First_Name', { length: 40 }),
    text('Last_Name', { system_mandatory: true, length: 80 }),
    phone('Phone'),
    phone('Mobile'),
    phone('Home_Phone'),
    phone('Other_Phone'),
    phone('Asst_Phone'),
    { api_name: 'Email', data_type: 'email', length: 100 },
    LEAD_SOURCE,
    lookup('Account_Name', 'Accounts'),
    ...TRACKING,
    KEY,
    ...COMMON,
  ],
  Accounts: [
    text('Account_Name', { system_mandatory: true, length: 200 }),
    phone('Phone'),
    text('Website'),
    ...TRACKING,
    KEY,
    ...COMMON,
  ],
  Deals: [
    text('Deal_Name', { system_mandatory: true, length: 120 }),
    {
      api_name: 'Stage',
      data_type: 'picklist',
      system_mandatory: true,
      pick_list_values: STAGES.map((s) => s.name),
    },
    { api_name: 'Pipeline', data_type: 'picklist', pick_list_values: ['Standard'] },
    { api_name: 'Amount', data_type: 'integer' },
    { api_name: 'Closing_Date', data_type: 'date' },
    lookup('Contact_Name', 'Contacts'),
    lookup('Account_Name', 'Accounts'),
    LEAD_SOURCE,
    ...TRACKING,
    KEY,
    ...COMMON,
  ],
  Tasks: [
    text('Subject', { system_mandatory: true }),
    { api_name: 'Due_Date', data_type: 'date' },
    { api_name: 'Status', data_type: 'picklist', pick_list_values: TASK_STATUSES },
    {
      api_name: 'Priority',
      data_type: 'picklist',
      pick_list_values: ['Highest', 'High', 'Normal', 'Low', 'Lowest'],
    },
    lookup('Who_Id', 'Contacts'),
    lookup('What_Id', '$se_module'),
    custom('Call_Id'),
    KEY,
    ...COMMON,
  ],
  Calls: [
    text('Subject', { system_mandatory: true }),
    {
      api_name: 'Call_Type',
      data_type: 'picklist',
      system_mandatory: true,
      pick_list_values: ['Inbound', 'Outbound', 'Missed'],
    },
    { api_name: 'Call_Start_Time', data_type: 'datetime', system_mandatory: true },
    text('Call_Duration', { length: 20 }),
    system('Call_Duration_in_seconds', 'integer'),
    {
      api_name: 'Outbound_Call_Status',
      data_type: 'picklist',
      pick_list_values: ['Scheduled', 'Completed', 'Overdue', 'Cancelled'],
    },
    text('Call_Purpose'),
    text('Call_Result'),
    phone('Caller_ID'),
    phone('Dialled_Number'),
    lookup('Who_Id', 'Contacts'),
    lookup('What_Id', '$se_module'),
    custom('Call_Id'),
    KEY,
    ...COMMON,
  ],
  Notes: [
    text('Note_Title'),
    { api_name: 'Note_Content', data_type: 'textarea', length: 32000 },
    lookup('Parent_Id', '$se_module'),
    owner,
    system('Created_Time', 'datetime'),
    system('Modified_Time', 'datetime'),
  ],
};

/** Modules a What_Id / Parent_Id may point to. */
export const PARENT_MODULES: readonly ModuleName[] = ['Leads', 'Contacts', 'Accounts', 'Deals'];
