// The emulated org's metadata: the standard fields the integration touches,
// the custom fields its README asks the admin to create, and the mapped
// custom fields a project declares (G8). Field names are case-insensitive in
// the API; each keeps its canonical spelling here.

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'phone'
  | 'email'
  | 'url'
  | 'reference'
  | 'picklist'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'int'
  | 'double'
  | 'base64';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly label?: string;
  readonly referenceTo?: readonly string[];
  readonly createable: boolean;
  readonly updateable: boolean;
  /** Must be given on create (REQUIRED_FIELD_MISSING otherwise). */
  readonly required?: boolean;
  readonly picklist?: readonly string[];
  /** A value outside the picklist is refused (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). */
  readonly restricted?: boolean;
  readonly custom?: boolean;
  readonly externalId?: boolean;
  readonly length?: number;
}

const f = (name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  createable: true,
  updateable: true,
  ...(type === 'string' || type === 'phone' || type === 'email' ? { length: 255 } : {}),
  ...extra,
});
const system = (name: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef =>
  f(name, type, { createable: false, updateable: false, ...extra });

/** The integration's own custom fields, created by the admin (README). */
export const TRACKING_FIELDS = {
  utmSource: 'UTM_Source__c',
  utmMedium: 'UTM_Medium__c',
  utmCampaign: 'UTM_Campaign__c',
  utmTerm: 'UTM_Term__c',
  utmContent: 'UTM_Content__c',
  pool: 'CM_Pool__c',
  gaClientId: 'CM_GA_Client_Id__c',
  landingPage: 'CM_Landing_Page__c',
  trackingNumber: 'CM_Tracking_Number__c',
  messengerClientId: 'CM_Messenger_Client_Id__c',
} as const;
export const KEY_FIELD = 'CM_Key__c';

const tracking = (): FieldDef[] => [
  ...Object.values(TRACKING_FIELDS).map((name) => f(name, 'string', { custom: true })),
  f(KEY_FIELD, 'string', { custom: true, externalId: true }),
];
const common = (): FieldDef[] => [
  f('Id', 'id', { createable: false, updateable: false }),
  f('OwnerId', 'reference', { referenceTo: ['User'] }),
  system('CreatedDate', 'datetime'),
  system('LastModifiedDate', 'datetime'),
];

export const STAGES = [
  { label: 'Prospecting', closed: false, won: false },
  { label: 'Qualification', closed: false, won: false },
  { label: 'Negotiation/Review', closed: false, won: false },
  { label: 'Closed Won', closed: true, won: true },
  { label: 'Closed Lost', closed: true, won: false },
] as const;
/** LeadSource's default values (Contact, Lead, Opportunity); unrestricted, as in a new org. */
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];

/** OpportunityContactRole.Role's default picklist. */
export const CONTACT_ROLES = [
  'Business User',
  'Decision Maker',
  'Economic Buyer',
  'Economic Decision Maker',
  'Evaluator',
  'Executive Sponsor',
  'Influencer',
  'Technical Buyer',
  'Other',
];
export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
] as const;
export const TASK_STATUSES = [
  'Not Started',
  'In Progress',
  'Completed',
  'Waiting on someone else',
  'Deferred',
] as const;

export function standardSchema(): Map<string, FieldDef[]> {
  return new Map<string, FieldDef[]>([
    [
      'User',
      [
        f('Id', 'id', { createable: false, updateable: false }),
        system('Name', 'string'),
        f('FirstName', 'string'),
        f('LastName', 'string'),
        f('Email', 'email'),
        f('IsActive', 'boolean'),
        f('Extension', 'string'),
        f('Phone', 'phone'),
        f('UserRoleId', 'reference', { referenceTo: [] }),
        system('CreatedDate', 'datetime'),
      ],
    ],
    [
      'Contact',
      [
        ...common(),
        system('Name', 'string'),
        f('FirstName', 'string'),
        f('LastName', 'string', { required: true }),
        f('Phone', 'phone'),
        f('MobilePhone', 'phone'),
        f('HomePhone', 'phone'),
        f('OtherPhone', 'phone'),
        f('AssistantPhone', 'phone'),
        f('Email', 'email'),
        f('AccountId', 'reference', { referenceTo: ['Account'] }),
        f('Description', 'textarea'),
        f('LeadSource', 'picklist', { picklist: LEAD_SOURCES }),
        ...tracking(),
      ],
    ],
    [
      'Lead',
      [
        ...common(),
        system('Name', 'string'),
        f('FirstName', 'string'),
        f('LastName', 'string', { required: true }),
        f('Company', 'string', { required: true }),
        f('Phone', 'phone'),
        f('MobilePhone', 'phone'),
        f('Email', 'email'),
        f('Status', 'picklist', { picklist: LEAD_STATUSES }),
        system('IsConverted', 'boolean'),
        system('ConvertedContactId', 'reference', { referenceTo: ['Contact'] }),
        f('LeadSource', 'picklist', { picklist: LEAD_SOURCES }),
        f('Description', 'textarea'),
        f('CM_Contact__c', 'reference', { referenceTo: ['Contact'], custom: true }),
        ...tracking(),
      ],
    ],
    [
      'Opportunity',
      [
        ...common(),
        f('Name', 'string', { required: true }),
        f('StageName', 'picklist', {
          required: true,
          picklist: STAGES.map((s) => s.label),
          restricted: true,
        }),
        f('CloseDate', 'date', { required: true }),
        f('AccountId', 'reference', { referenceTo: ['Account'] }),
        // Opportunity.ContactId (API 46+): the primary contact, settable on create only.
        f('ContactId', 'reference', { referenceTo: ['Contact'], updateable: false }),
        f('RecordTypeId', 'reference', { referenceTo: ['RecordType'] }),
        system('IsClosed', 'boolean'),
        system('IsWon', 'boolean'),
        f('Amount', 'double'),
        f('LeadSource', 'picklist', { picklist: LEAD_SOURCES }),
        f('Description', 'textarea'),
        ...tracking(),
      ],
    ],
    [
      // The role a contact plays on an opportunity (Object Reference: OpportunityContactRole):
      // OpportunityId is required and cannot be updated; one primary contact per opportunity.
      'OpportunityContactRole',
      [
        f('Id', 'id', { createable: false, updateable: false }),
        f('OpportunityId', 'reference', {
          referenceTo: ['Opportunity'],
          required: true,
          updateable: false,
        }),
        f('ContactId', 'reference', { referenceTo: ['Contact'], required: true }),
        f('Role', 'picklist', { picklist: CONTACT_ROLES, length: 255 }),
        f('IsPrimary', 'boolean'),
        system('CreatedDate', 'datetime'),
        system('LastModifiedDate', 'datetime'),
      ],
    ],
    [
      'Account',
      [
        ...common(),
        f('Name', 'string', { required: true }),
        f('Phone', 'phone'),
        f('Website', 'url'),
        f('Description', 'textarea'),
        ...tracking(),
      ],
    ],
    [
      'Task',
      [
        ...common(),
        f('Subject', 'string', { required: true }),
        f('Description', 'textarea', { length: 32_000 }),
        f('Status', 'picklist', { picklist: TASK_STATUSES }),
        system('IsClosed', 'boolean'),
        f('Priority', 'picklist', { picklist: ['High', 'Normal', 'Low'] }),
        f('ActivityDate', 'date'),
        f('IsReminderSet', 'boolean'),
        f('ReminderDateTime', 'datetime'),
        f('WhoId', 'reference', { referenceTo: ['Contact', 'Lead'] }),
        f('WhatId', 'reference', { referenceTo: ['Account', 'Opportunity'] }),
        f('TaskSubtype', 'picklist', {
          picklist: ['Task', 'Email', 'Call', 'ListEmail', 'Cadence', 'LinkedIn'],
          restricted: true,
          updateable: false,
        }),
        f('CallType', 'picklist', {
          picklist: ['Inbound', 'Outbound', 'Internal'],
          restricted: true,
        }),
        f('CallDurationInSeconds', 'int'),
        f('CallObject', 'string'),
        f('CallDisposition', 'string'),
        f('CM_Call_From__c', 'string', { custom: true }),
        f('CM_Call_To__c', 'string', { custom: true }),
        f('CM_Call_Started__c', 'datetime', { custom: true }),
        f(KEY_FIELD, 'string', { custom: true, externalId: true }),
      ],
    ],
    [
      'ContentNote',
      [
        ...common(),
        f('Title', 'string', { required: true }),
        f('Content', 'base64'),
        system('TextPreview', 'string'),
      ],
    ],
    [
      'ContentDocumentLink',
      [
        f('Id', 'id', { createable: false, updateable: false }),
        f('ContentDocumentId', 'reference', {
          referenceTo: ['ContentNote'],
          required: true,
          updateable: false,
        }),
        f('LinkedEntityId', 'reference', {
          referenceTo: ['Contact', 'Lead', 'Opportunity', 'Account', 'User'],
          required: true,
          updateable: false,
        }),
        f('ShareType', 'picklist', { picklist: ['V', 'C', 'I'] }),
        f('Visibility', 'picklist', { picklist: ['AllUsers', 'InternalUsers', 'SharedUsers'] }),
        system('CreatedDate', 'datetime'),
      ],
    ],
    [
      'RecordType',
      [
        f('Id', 'id', { createable: false, updateable: false }),
        f('Name', 'string'),
        f('DeveloperName', 'string'),
        f('SobjectType', 'string'),
        f('IsActive', 'boolean'),
        system('CreatedDate', 'datetime'),
      ],
    ],
    [
      'OpportunityStage',
      [
        f('Id', 'id', { createable: false, updateable: false }),
        f('ApiName', 'string'),
        f('MasterLabel', 'string'),
        f('IsActive', 'boolean'),
        f('IsClosed', 'boolean'),
        f('IsWon', 'boolean'),
        f('SortOrder', 'int'),
        f('DefaultProbability', 'double'),
        system('CreatedDate', 'datetime'),
      ],
    ],
  ]);
}

/** The emulator's own bookkeeping fields: never shown in a snapshot's `fields`. */
export function isIntegrationField(name: string): boolean {
  return name === KEY_FIELD || name.startsWith('CM_') || name.startsWith('UTM_');
}
