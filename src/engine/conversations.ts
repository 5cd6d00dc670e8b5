import type { AnalyticsDestination } from '../domain/project.js';
import type { ProjectContext } from './moment-context.js';
import type { AnalyticsReadyEvent, FormSubmittedEvent, MessengerEvent } from '../domain/events.js';
import type { Condition } from '../domain/matrix.js';
import { normalisePhone, storedPhone } from '../domain/phone.js';
import { refTo } from '../domain/plan.js';
import { clientState, responsibleUser, theContact, theDeal, theLead } from './client.js';
import { SKIP, skippedWhole, type Decision, type DecisionInput } from './decision.js';
import { describeAnalytics, describeDialog, describeForm } from './describe.js';
import type { DialogMemory } from '../domain/memory.js';
import { newDialogMemory } from './memory.js';
import type { MomentContext } from './moment-context.js';
import { PlanBuilder } from './plan-builder.js';
import { runRow } from './row.js';
import { translator } from './texts.js';
import { parameterValues, recordTracking, utmOf } from './tracking.js';

// Events that are not calls: website forms (PD-13), messenger dialogs (G11, D16), call analytics (G12).

export function decideForm(event: FormSubmittedEvent, input: DecisionInput): Decision {
  const { project, client } = input;
  const plan = new PlanBuilder(event.eventId, client);
  const top = project.staff.top?.crmUserId ?? null;
  const condition: Condition = 'form.submitted';
  const text = describeForm(event, project.t);
  const ctx: MomentContext = {
    condition,
    at: event.at,
    ownerId: top,
    manager: null,
    responsibleUserId: responsibleUser(client, project.staff) ?? top,
    closedOnlyAtStart: clientState(client) === 'closed-only',
    clientPhone: event.phone ? storedPhone(event.phone, project.settings.defaultCountry) : null,
    clientName: event.name ?? null,
    email: event.email ?? null,
    values: parameterValues({
      tracking: event.tracking,
      clientPhone: event.phone,
      clientName: event.name,
      source: 'form',
      formFields: event.fields,
    }),
    utm: utmOf(event.tracking),
    tracking: recordTracking(event.tracking),
    messenger: false,
    callId: null,
    recordingUrl: null,
    description: text,
    commentText: text,
    adoptedDealId: null,
  };
  runRow(plan, project.matrix[condition] ?? [], ctx, project);
  return {
    conditions: [condition],
    outcome: 'applied',
    plan: plan.operations,
    skipped: plan.skipped,
    memory: null,
  };
}

export function decideMessenger(event: MessengerEvent, input: DecisionInput): Decision {
  const { project, client } = input;
  const memory: DialogMemory =
    input.memory?.kind === 'dialog'
      ? {
          ...input.memory,
          momentsRun: [...input.memory.momentsRun],
          created: structuredClone(input.memory.created),
        }
      : newDialogMemory(event.dialogId);
  if (event.phone && !memory.phone) memory.phone = event.phone;
  const condition = event.type as Condition;
  memory.momentsRun.push(condition);
  const plan = new PlanBuilder(event.eventId, client);
  const employee = project.staff.known(event.employee);
  const top = project.staff.top?.crmUserId ?? null;
  const text = describeDialog(event, project.t);
  const ctx: MomentContext = {
    condition,
    at: event.at,
    ownerId: employee?.crmUserId ?? top,
    manager: employee,
    responsibleUserId: responsibleUser(client, project.staff) ?? employee?.crmUserId ?? top,
    closedOnlyAtStart: clientState(client) === 'closed-only',
    clientPhone: memory.phone ? storedPhone(memory.phone, project.settings.defaultCountry) : null,
    clientName: event.name ?? null,
    email: null,
    values: parameterValues({
      tracking: event.tracking,
      clientPhone: memory.phone,
      clientName: event.name,
      employeeName: employee?.name,
      employeeExtension: employee?.extension,
      source: event.channel,
      messengerClientId: event.clientId,
    }),
    utm: utmOf(event.tracking),
    tracking: recordTracking(event.tracking, event.clientId),
    messenger: true,
    callId: null,
    recordingUrl: null,
    description: text,
    commentText: event.type === 'messenger.dialog_ended' || event.summary ? text : null,
    adoptedDealId: null,
  };
  runRow(plan, project.matrix[condition] ?? [], ctx, project);
  for (const operation of plan.operations) {
    if (operation.op === 'create_contact') memory.created.contacts.push(refTo(operation.key));
    if (operation.op === 'create_lead') memory.created.leads.push(refTo(operation.key));
    if (operation.op === 'create_deal') memory.created.deals.push(refTo(operation.key));
    if (operation.op === 'create_organization')
      memory.created.organizations.push(refTo(operation.key));
  }
  return {
    conditions: [condition],
    outcome: 'applied',
    plan: plan.operations,
    skipped: plan.skipped,
    memory,
  };
}

/** G12, issue 14 item 5: the project's analytics destination, else its CRM's default. */
export function analyticsDestination(project: ProjectContext): AnalyticsDestination {
  return project.settings.analyticsDestination ?? project.options.analyticsDestination;
}

export function decideAnalytics(event: AnalyticsReadyEvent, input: DecisionInput): Decision {
  const { project, client, memory } = input;
  if (memory?.kind !== 'call' || memory.start === null)
    return skippedWhole(
      memory?.kind === 'call' && memory.skip ? memory.skip : SKIP.unknownCall,
      null,
    );
  if (memory.skip) return skippedWhole(memory.skip, null);
  const plan = new PlanBuilder(event.eventId, client);
  const t = event.language ? translator(event.language) : project.t;
  const text = describeAnalytics(event, t);
  // The deal the call was recorded on, else the open deal; beyond the source: else the open lead, else the contact.
  const dealId = memory.callLog?.dealId ?? theDeal(client)?.id ?? null;
  const deal = dealId ? (client.deals.find((d) => d.id === dealId) ?? null) : null;
  const lead = dealId ? null : (memory.callLog?.leadId ?? theLead(client)?.id ?? null);
  const contactId = memory.callLog?.contactId ?? theContact(client, deal)?.id ?? null;
  if (!dealId && !lead && !contactId) {
    plan.skip('comment', 'no record to hold the analytics');
  } else {
    const to = analyticsDestination(project);
    if (to !== 'call')
      plan.add({ op: 'create_comment', record: { text, contactId, leadId: lead, dealId } });
    if (to !== 'deal') {
      if (project.semantics.callLogHasDescription && memory.callLog)
        plan.add({
          op: 'update_call_log',
          id: memory.callLog.id,
          patch: { appendDescription: text },
        });
      // Say why the call's part was not written (D8); `both` still has the comment.
      else if (to === 'call')
        plan.skip(
          'call_log',
          memory.callLog
            ? "the CRM's call log keeps no text for the analytics"
            : 'the call has no call log',
        );
      else if (memory.callLog)
        plan.skip(
          'call_log',
          "the CRM's call log keeps no text for the analytics: they are in the comment only",
        );
    }
  }
  return {
    conditions: [],
    outcome: 'applied',
    plan: plan.operations,
    skipped: plan.skipped,
    memory: null,
  };
}

/** Dialog phones are normalised like any other before lookup (G1). */
export function dialogPhone(
  memory: DialogMemory | null,
  event: MessengerEvent,
  defaultCountry?: string,
): string | null {
  const raw = memory?.phone ?? event.phone ?? null;
  return raw && normalisePhone(raw, defaultCountry).e164 ? raw : null;
}
