export const CRM_IDS = ['zoho', 'retailcrm', 'pipedrive', 'salesforce'] as const;
export type CrmId = (typeof CRM_IDS)[number];
