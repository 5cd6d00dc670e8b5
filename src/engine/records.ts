import type { Cell } from '../domain/matrix.js';
import type { Contact, Deal } from '../domain/snapshot.js';
import { openDeals, openLeads, theContact, theDeal } from './client.js';
import type { MomentContext, ProjectContext } from './moment-context.js';
import type { PlanBuilder } from './plan-builder.js';
import { mappedFields, pipelineFor, trackingPatch } from './tracking.js';

// Record actions of behaviour §3: contacts, organizations, leads, deals, assign_to_manager.

type Collection = 'contacts' | 'leads' | 'deals' | 'organizations';
const UPDATE_OP = {
  contacts: 'update_contact',
  leads: 'update_lead',
  deals: 'update_deal',
  organizations: 'update_organization',
} as const;

/** G5: a found record the event lands on gets what it lacks of the event's tracking data. */
function landOn(
  plan: PlanBuilder,
  collection: Collection,
  record: { id: string; utm?: Contact['utm']; tracking?: Contact['tracking'] },
  ctx: MomentContext,
): void {
  const patch = trackingPatch(record, ctx.utm, ctx.tracking);
  if (!patch) return;
  plan.add({ op: UPDATE_OP[collection], id: record.id, patch });
  plan.patchWorking(collection, record.id, patch);
}

const phonesOf = (ctx: MomentContext): string[] => (ctx.clientPhone ? [ctx.clientPhone] : []);
/** A new record is named after the client: the name the event gives, the contact's, else the phone. */
const nameOf = (ctx: MomentContext, plan?: PlanBuilder): string =>
  ctx.clientName || (plan && theContact(plan.client)?.name) || ctx.clientPhone || 'Client';

type Ctx = MomentContext;

/** The client's contact, found or created (`create_contact`, and leads that need one). */
export function ensureContact(
  plan: PlanBuilder,
  ctx: Ctx,
  project: ProjectContext,
  reportFound: boolean,
): Contact {
  const found = theContact(plan.client);
  if (found) {
    if (reportFound) plan.skip('create_contact', 'a contact exists for the phone');
    landOn(plan, 'contacts', found, ctx);
    return plan.client.contacts.find((contact) => contact.id === found.id) ?? found;
  }
  const record = {
    name: nameOf(ctx),
    phones: phonesOf(ctx),
    ...(ctx.email ? { email: ctx.email } : {}),
    ownerId: ctx.ownerId,
    ...(ctx.utm && { utm: ctx.utm }),
    ...(ctx.tracking && { tracking: ctx.tracking }),
    ...optionalFields(mappedFields('contact', project.settings, ctx.values, ctx.messenger)),
  };
  const id = plan.add({ op: 'create_contact', record });
  return { ...record, id };
}

export function createOrganization(plan: PlanBuilder, ctx: Ctx): void {
  const contact = theContact(plan.client);
  const deal = theDeal(plan.client);
  const existingId = deal?.organizationId ?? contact?.organizationId ?? null;
  const existing = existingId
    ? plan.client.organizations.find((organization) => organization.id === existingId)
    : undefined;
  if (existing) {
    plan.skip('create_organization', 'the client has an organization');
    landOn(plan, 'organizations', existing, ctx);
    return;
  }
  if (existingId) {
    plan.skip('create_organization', 'the client has an organization');
    return;
  }
  // PD-13 / PD-4: a client already worked in an open deal keeps its records as they are; an
  // organization comes with the contact or deal this event creates.
  const createsRecord =
    (contact && plan.positionOf(contact.id) >= 0) || (deal && plan.positionOf(deal.id) >= 0);
  if (!createsRecord) {
    plan.skip('create_organization', 'an organization is created only with a new contact or deal');
    return;
  }
  const record = {
    name: contact?.name || nameOf(ctx),
    ownerId: ctx.ownerId,
    ...(ctx.utm && { utm: ctx.utm }),
    ...(ctx.tracking && { tracking: ctx.tracking }),
  };
  // The organization goes before a contact this plan creates, so the contact is created linked to it.
  const contactPosition = contact ? plan.positionOf(contact.id) : -1;
  const id = plan.add(
    { op: 'create_organization', record },
    contactPosition >= 0 ? contactPosition : undefined,
  );
  if (contact && !plan.amendCreated('contacts', contact.id, { organizationId: id })) {
    plan.add({ op: 'update_contact', id: contact.id, patch: { organizationId: id } });
    plan.patchWorking('contacts', contact.id, { organizationId: id });
  }
  if (deal && !plan.amendCreated('deals', deal.id, { organizationId: id })) {
    plan.add({ op: 'update_deal', id: deal.id, patch: { organizationId: id } });
    plan.patchWorking('deals', deal.id, { organizationId: id });
  }
}

function newDeal(plan: PlanBuilder, ctx: Ctx, project: ProjectContext, contact: Contact): void {
  const pipeline = pipelineFor(project.settings, ctx.values);
  const record: Omit<Deal, 'id'> = {
    name: nameOf(ctx, plan),
    contactId: contact.id,
    organizationId: contact.organizationId ?? null,
    ownerId: ctx.ownerId,
    status: 'open',
    ...(pipeline !== undefined && { pipeline }),
    ...(ctx.utm && { utm: ctx.utm }),
    ...(ctx.tracking && { tracking: ctx.tracking }),
    ...optionalFields(mappedFields('deal', project.settings, ctx.values, ctx.messenger)),
  };
  plan.add({ op: 'create_deal', record });
}

export function createLead(plan: PlanBuilder, ctx: Ctx, project: ProjectContext, cell: Cell): void {
  const openDeal = theDeal(plan.client);
  const openLead = openLeads(plan.client).at(-1) ?? null;
  if (cell.action === 'create_lead_if_no_contact' && plan.client.contacts.length > 0) {
    plan.skip(cell.action, 'the client has a contact');
    return;
  }
  if (!ctx.messenger && (openDeal || openLead)) {
    plan.skip(cell.action, 'the client has an open lead or deal');
    if (openLead) landOn(plan, 'leads', openLead, ctx);
    else if (openDeal) landOn(plan, 'deals', openDeal, ctx);
    return;
  }
  const { semantics } = project;
  if (semantics.leads === 'contact-and-deal') {
    // retailCRM: a customer and an order play the lead's part (D16: an existing customer is used).
    newDeal(plan, ctx, project, ensureContact(plan, ctx, project, false));
    return;
  }
  const contact = semantics.leadNeedsContact ? ensureContact(plan, ctx, project, false) : null;
  plan.add({
    op: 'create_lead',
    record: {
      name: nameOf(ctx, plan),
      contactId: contact?.id ?? null,
      phones: phonesOf(ctx),
      ownerId: ctx.ownerId,
      status: 'open',
      ...(ctx.utm && { utm: ctx.utm }),
      ...(ctx.tracking && { tracking: ctx.tracking }),
      ...optionalFields(mappedFields('lead', project.settings, ctx.values, ctx.messenger)),
    },
  });
}

export function createDeal(
  plan: PlanBuilder,
  ctx: Ctx,
  project: ProjectContext,
  cell: Cell,
  rowCreatesContact: boolean,
): string | null {
  if (cell.action === 'create_deal_if_none' && plan.client.deals.length > 0) {
    const open = theDeal(plan.client);
    if (open) {
      plan.skip(cell.action, 'the client has a deal');
      landOn(plan, 'deals', open, ctx);
      return null;
    }
    plan.skip(cell.action, 'the client has only closed deals: the latest is used for links');
    return plan.client.deals.at(-1)?.id ?? null;
  }
  const open = openDeals(plan.client).at(-1);
  if (open) {
    plan.skip(cell.action, 'the client has an open deal');
    landOn(plan, 'deals', open, ctx);
    return null;
  }
  const contact = theContact(plan.client);
  if (!contact) {
    plan.skip(cell.action, 'a deal needs a contact');
    return null;
  }
  if (ctx.closedOnlyAtStart && !rowCreatesContact) {
    plan.skip(
      cell.action,
      'a closed-only client gets a new deal only where the row also ticks create_contact',
    );
    return null;
  }
  newDeal(plan, ctx, project, contact);
  return null;
}

/** RC-10: a returning client's contact passes to the manager who took the call. */
export function assignToManager(plan: PlanBuilder, ctx: Ctx): void {
  if (!ctx.closedOnlyAtStart) {
    plan.skip('assign_to_manager', 'not a returning client');
    return;
  }
  const userId = ctx.manager?.crmUserId;
  const contact = theContact(plan.client);
  if (!userId || !contact) {
    plan.skip('assign_to_manager', userId ? 'no contact to assign' : 'no known manager');
    return;
  }
  if (contact.ownerId === userId) return;
  if (!plan.amendCreated('contacts', contact.id, { ownerId: userId })) {
    plan.add({ op: 'update_contact', id: contact.id, patch: { ownerId: userId } });
    plan.patchWorking('contacts', contact.id, { ownerId: userId });
  }
}

function optionalFields(fields: Record<string, string> | undefined): {
  fields?: Record<string, string>;
} {
  return fields ? { fields } : {};
}
