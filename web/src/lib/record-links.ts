// Links into each CRM's own web UI, where the record URL pattern is known. The API's base URL
// names the account (Pipedrive's company domain, Salesforce's instance, Zoho's data centre).

type Entity = string;

const PIPEDRIVE: Record<Entity, (id: string) => string> = {
  deals: (id) => `/deal/${id}`,
  contacts: (id) => `/person/${id}`,
  organizations: (id) => `/organization/${id}`,
  leads: (id) => `/leads/inbox/${id}`,
};
const SALESFORCE_TYPES: Record<Entity, string> = {
  deals: 'Opportunity',
  contacts: 'Contact',
  organizations: 'Account',
  leads: 'Lead',
  tasks: 'Task',
};
const ZOHO_MODULES: Record<Entity, string> = {
  deals: 'Deals',
  contacts: 'Contacts',
  organizations: 'Accounts',
  leads: 'Leads',
  tasks: 'Tasks',
};
const RETAILCRM: Record<Entity, (id: string) => string> = {
  contacts: (id) => `/customers/${id}`,
  deals: (id) => `/orders/${id}/edit`,
};

/** The record's page in the CRM, or null where no pattern is known (tasks in Pipedrive, call logs…). */
export function recordUrl(crm: string, baseUrl: string, entity: Entity, id: string): string | null {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return null;
  }
  const safeId = encodeURIComponent(id);
  switch (crm) {
    case 'pipedrive': {
      const path = PIPEDRIVE[entity];
      return path ? origin + path(safeId) : null;
    }
    case 'salesforce': {
      const type = SALESFORCE_TYPES[entity];
      return type ? `${origin}/lightning/r/${type}/${safeId}/view` : null;
    }
    case 'zoho': {
      const module = ZOHO_MODULES[entity];
      // The API is on www.zohoapis.<dc>, the web UI on crm.zoho.<dc>.
      const ui = origin.replace('://www.zohoapis.', '://crm.zoho.');
      return module ? `${ui}/crm/tab/${module}/${safeId}` : null;
    }
    case 'retailcrm': {
      const path = RETAILCRM[entity];
      return path ? origin + path(safeId) : null;
    }
    default:
      return null;
  }
}
