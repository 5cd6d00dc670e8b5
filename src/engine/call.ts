import type { CallEvent, CallEndedEvent, Disposition } from '../domain/events.js';
import type { Condition } from '../domain/matrix.js';
import { CALL_PHASE, clientSide, type CallMemory, type CallPhase } from '../domain/memory.js';
import type { Employee } from '../domain/project.js';
import { normalisePhone, samePhone, isCallable, storedPhone } from '../domain/phone.js';
import type { ClientRecords } from '../domain/snapshot.js';
import { callManager, legOf, legsOf, peopleLines } from './call-moments.js';
import { clientState, responsibleUser } from './client.js';
import { SKIP, failed, skippedWhole, type Decision, type DecisionInput } from './decision.js';
import { followCallbacks } from './callbacks.js';
import { describeCall } from './describe.js';
import { newCallMemory } from './memory.js';
import type { MomentContext, ProjectContext } from './moment-context.js';
import { PlanBuilder } from './plan-builder.js';
import { runRow } from './row.js';
import { linksOf } from './tasks.js';
import { parameterValues, recordTracking, utmOf } from './tracking.js';

const PHASE: Record<CallEvent['type'], CallPhase> = {
  'call.started': CALL_PHASE.started,
  'call.answered': CALL_PHASE.answered,
  'call.transferred': CALL_PHASE.answered,
  'call.ended': CALL_PHASE.ended,
  'call.recording': CALL_PHASE.none,
};

function copyMemory(memory: CallMemory): CallMemory {
  return {
    ...memory,
    momentsRun: [...memory.momentsRun],
    legs: [...memory.legs],
    endTaskIds: [...memory.endTaskIds],
    created: {
      contacts: [...memory.created.contacts],
      leads: [...memory.created.leads],
      deals: [...memory.created.deals],
      organizations: [...memory.created.organizations],
    },
  };
}

/** Takes what the event tells of the call itself (a `call.ended` alone carries it all). */
function absorb(memory: CallMemory, event: CallEvent, staff: ProjectContext['staff']): void {
  if (event.type !== 'call.started' && event.type !== 'call.ended') return;
  if (memory.direction === null && event.direction !== undefined) {
    memory.direction = event.direction;
    memory.from = event.from ?? null;
    memory.to = event.to ?? null;
  }
  if (!memory.tracking && event.tracking) memory.tracking = event.tracking;
  if (
    memory.direction === 'outgoing' &&
    !memory.caller &&
    (event.type === 'call.started' || memory.phase === CALL_PHASE.none)
  ) {
    memory.caller = legOf(staff.known(event.employee), event.at, event.employee);
  }
}

/** D14's whole-call rules, checked at the call's first processed event. */
function wholeCallSkip(
  memory: CallMemory,
  client: ClientRecords,
  project: ProjectContext,
): string | null {
  const { settings, staff } = project;
  const number = clientSide(memory) ?? '';
  if (memory.direction === 'internal' || staff.isOwnNumber(number)) return SKIP.internal;
  const onStopList = (raw: string | null): boolean => {
    if (!raw) return false;
    const phone = normalisePhone(raw, settings.defaultCountry);
    return settings.stopList.some(
      (entry) => entry === raw || samePhone(phone, normalisePhone(entry, settings.defaultCountry)),
    );
  };
  if (onStopList(memory.from) || onStopList(memory.to)) return SKIP.stopList;
  if (!isCallable(normalisePhone(number, settings.defaultCountry))) return SKIP.noCallableNumber;
  const known = client.contacts.length + client.leads.length + client.deals.length > 0;
  if (memory.direction === 'outgoing' && !known) return SKIP.outgoingUnknown;
  return null;
}

export function decideCall(event: CallEvent, input: DecisionInput): Decision {
  const { project } = input;
  const memory =
    input.memory?.kind === 'call'
      ? copyMemory(input.memory)
      : newCallMemory(event.callId, event.at);
  absorb(memory, event, project.staff);
  if (memory.skip) return skippedWhole(memory.skip, memory);
  if (memory.direction === null)
    return failed('call.started missing', { kind: 'call-not-started' });
  if (memory.start === null) {
    const reason = wholeCallSkip(memory, input.client, project);
    if (reason) {
      memory.skip = reason;
      return skippedWhole(reason, memory);
    }
    memory.start = {
      state: clientState(input.client),
      responsibleUserId: responsibleUser(input.client, project.staff),
    };
  }
  const plan = new PlanBuilder(event.eventId, input.client);
  if (event.type === 'call.recording') return recording(event.recordingUrl, memory, plan);
  const phase = PHASE[event.type];
  if (
    phase < memory.phase ||
    (phase === memory.phase && phase !== CALL_PHASE.answered) ||
    memory.phase === CALL_PHASE.ended
  )
    return late(event, memory, plan, project);
  const decision = new CallRun(event, memory, plan, project).run();
  return followCallbacks(decision, event, memory, plan, input);
}

/** D10: a recording joins the call log and the call's end tasks; nothing new is created. */
function recording(url: string, memory: CallMemory, plan: PlanBuilder): Decision {
  const changed = memory.recordingUrl !== url;
  memory.recordingUrl = url;
  if (changed && memory.phase === CALL_PHASE.ended) {
    if (memory.callLog)
      plan.add({ op: 'update_call_log', id: memory.callLog.id, patch: { recordingUrl: url } });
    for (const id of memory.endTaskIds)
      plan.add({ op: 'update_task', id, patch: { recordingUrl: url } });
  }
  return { conditions: [], outcome: 'applied', plan: plan.operations, skipped: [], memory };
}

/** D11: an event after a later phase runs no moment; a late pickup fills the call log's employee and times. */
function late(
  event: CallEvent,
  memory: CallMemory,
  plan: PlanBuilder,
  project: ProjectContext,
): Decision {
  if (
    (event.type === 'call.answered' || event.type === 'call.transferred') &&
    memory.phase === CALL_PHASE.ended
  ) {
    memory.legs.push(legOf(project.staff.find(event.employee), event.at, event.employee));
    const { manager } = callManager(memory, project.staff);
    if (memory.callLog) {
      plan.add({
        op: 'update_call_log',
        id: memory.callLog.id,
        patch: {
          ...(manager?.crmUserId && { userId: manager.crmUserId }),
          legs: legsOf(memory, project.staff, project.t),
        },
      });
    }
  }
  return skippedWhole(SKIP.late, memory, plan.operations);
}

class CallRun {
  private readonly conditions: Condition[] = [];

  constructor(
    private readonly event: Exclude<CallEvent, { type: 'call.recording' }>,
    private readonly memory: CallMemory,
    private readonly plan: PlanBuilder,
    private readonly project: ProjectContext,
  ) {}

  run(): Decision {
    const { event, memory } = this;
    if (memory.direction === 'incoming') this.incoming();
    else this.outgoing();
    if (PHASE[event.type] > memory.phase) memory.phase = PHASE[event.type];
    for (const operation of this.plan.operations) {
      if (operation.op === 'create_contact') memory.created.contacts.push(`@op:${operation.key}`);
      if (operation.op === 'create_lead') memory.created.leads.push(`@op:${operation.key}`);
      if (operation.op === 'create_deal') memory.created.deals.push(`@op:${operation.key}`);
      if (operation.op === 'create_organization')
        memory.created.organizations.push(`@op:${operation.key}`);
    }
    return {
      conditions: this.conditions,
      outcome: 'applied',
      plan: this.plan.operations,
      skipped: this.plan.skipped,
      memory,
    };
  }

  private incoming(): void {
    const { event, memory, project } = this;
    if (!memory.momentsRun.includes('incoming.before_answer'))
      this.moment('incoming.before_answer', project.staff.top, null);
    if (event.type === 'call.answered' || event.type === 'call.transferred') {
      const employee = project.staff.find(event.employee);
      memory.legs.push(legOf(employee, event.at, event.employee));
      this.pickup(employee);
      return;
    }
    if (event.type !== 'call.ended') return;
    this.recordEnd(event);
    if (event.disposition === 'answered') {
      if (memory.legs.length === 0) {
        const talkMs = (event.talkSec ?? 0) * 1000;
        memory.legs.push(
          legOf(
            project.staff.find(event.employee),
            new Date(Date.parse(event.at) - talkMs).toISOString(),
            event.employee,
          ),
        );
      }
      const firstLeg = memory.legs[0];
      this.pickup(firstLeg?.employeeId ? project.staff.find({ id: firstLeg.employeeId }) : null);
    }
    this.end(incomingEnd(event.disposition, memory, project));
    if (project.semantics.popups && event.disposition !== 'answered') {
      for (const employee of project.staff.linked()) this.notify(employee.crmUserId, 'missed');
    }
  }

  private outgoing(): void {
    const { event, memory, project } = this;
    if (event.type === 'call.transferred')
      memory.legs.push(legOf(project.staff.find(event.employee), event.at, event.employee));
    if (event.type !== 'call.ended') return;
    this.recordEnd(event);
    if (memory.caller && memory.legs[0] !== memory.caller) memory.legs.unshift(memory.caller);
    const { manager } = callManager(memory, project.staff);
    const responsible = memory.start?.responsibleUserId ?? manager?.crmUserId ?? null;
    const condition: Condition = !manager
      ? 'unknown_employee'
      : event.disposition !== 'answered'
        ? 'outgoing.failed'
        : manager.crmUserId === responsible
          ? 'outgoing.success_by_responsible'
          : 'outgoing.success_by_manager';
    this.end(condition);
  }

  /** `incoming.on_answer`, once, with the pop-up of RC-1 / RC-2 (D15: to who answered). */
  private pickup(employee: Employee | null): void {
    if (this.memory.momentsRun.includes('incoming.on_answer')) return;
    const known = employee?.crmUserId ? employee : null;
    this.moment('incoming.on_answer', known ?? this.project.staff.top, known);
    if (this.project.semantics.popups)
      this.notify((known ?? this.project.staff.top)?.crmUserId, 'incoming');
  }

  private recordEnd(event: CallEndedEvent): void {
    const { memory } = this;
    memory.endedAt = event.at;
    memory.disposition = event.disposition;
    memory.durationSec = event.durationSec ?? null;
    memory.talkSec = event.talkSec ?? null;
    if (event.recordingUrl) memory.recordingUrl = event.recordingUrl;
  }

  /** The call's end moment, then its call log (behaviour §3). */
  private end(condition: Condition): void {
    const { memory, project } = this;
    const { manager } = callManager(memory, project.staff);
    const handledBy =
      condition === 'unknown_employee' ||
      condition === 'incoming.missed' ||
      condition === 'incoming.voicemail'
        ? null
        : manager;
    const taskIds = this.moment(condition, handledBy ?? project.staff.top, manager);
    memory.endTaskIds.push(...taskIds);
    const links = linksOf(this.plan, memory.adoptedDealId);
    if (!links.contactId && !links.leadId && !links.dealId) {
      this.plan.skip('call_log', 'the client has no record to hold the call log');
      return;
    }
    const legs = legsOf(memory, project.staff, project.t);
    const id = this.plan.add({
      op: 'create_call_log',
      record: {
        callId: memory.callId,
        direction: memory.direction === 'outgoing' ? 'outgoing' : 'incoming',
        from: memory.from ?? '',
        to: memory.to ?? '',
        disposition: memory.disposition ?? 'missed',
        ...(memory.durationSec !== null && { durationSec: memory.durationSec }),
        startedAt: memory.firstAt,
        recordingUrl: memory.recordingUrl,
        userId: manager?.crmUserId ?? null,
        ...links,
        ...(legs.length > 0 && { legs }),
      },
    });
    memory.callLog = { id, ...links };
  }

  private notify(userId: string | undefined, kind: 'incoming' | 'missed'): void {
    const phone = clientSide(this.memory);
    if (userId)
      this.plan.add({
        op: 'notify',
        record: { userId, callId: this.memory.callId, kind },
        ...(phone ? { phone } : {}),
      });
  }

  /** Runs one moment's row; returns the tasks it made. */
  private moment(condition: Condition, owner: Employee | null, manager: Employee | null): string[] {
    const { memory, project, event } = this;
    memory.momentsRun.push(condition);
    this.conditions.push(condition);
    const row = project.matrix[condition] ?? [];
    if (row.length === 0) return [];
    const atEnd = event.type === 'call.ended';
    const { staff, t } = project;
    const side = clientSide(memory);
    const client = side ? storedPhone(side, project.settings.defaultCountry) : null;
    const top = staff.top?.crmUserId ?? null;
    const callManagerUser = callManager(memory, staff).manager?.crmUserId ?? null;
    const responsibleUserId =
      memory.start?.responsibleUserId ??
      manager?.crmUserId ??
      (atEnd ? callManagerUser : null) ??
      top;
    const direction = memory.direction === 'outgoing' ? 'outgoing' : 'incoming';
    const values = parameterValues({
      tracking: memory.tracking,
      clientPhone: client,
      employeeName: manager?.name,
      employeeExtension: manager?.extension,
      callDirection: direction,
      callStatus: atEnd ? memory.disposition : null,
      callDurationSec: atEnd ? memory.durationSec : null,
      recordingUrl: atEnd ? memory.recordingUrl : null,
      source: 'call',
    });
    const description = describeCall(
      {
        direction,
        from: memory.from ?? '',
        to: memory.to ?? '',
        disposition: atEnd ? memory.disposition : null,
        durationSec: atEnd ? memory.durationSec : null,
        tracking: memory.tracking,
        people: peopleLines(memory, staff, t),
      },
      t,
    );
    const ctx: MomentContext = {
      condition,
      at: event.at,
      ownerId: owner?.crmUserId ?? top,
      manager,
      responsibleUserId,
      closedOnlyAtStart: memory.start?.state === 'closed-only',
      clientPhone: client,
      clientName: null,
      email: null,
      values,
      utm: utmOf(memory.tracking),
      tracking: recordTracking(memory.tracking),
      messenger: false,
      callId: memory.callId,
      recordingUrl: atEnd ? memory.recordingUrl : null,
      description,
      commentText: description,
      adoptedDealId: memory.adoptedDealId,
    };
    const result = runRow(this.plan, row, ctx, project);
    memory.adoptedDealId = result.adoptedDealId;
    return result.taskIds;
  }
}

function incomingEnd(
  disposition: Disposition,
  memory: CallMemory,
  project: ProjectContext,
): Condition {
  if (disposition === 'voicemail') return 'incoming.voicemail';
  if (disposition !== 'answered') return 'incoming.missed';
  const { manager } = callManager(memory, project.staff);
  if (!manager) return 'unknown_employee';
  const responsible = memory.start?.responsibleUserId ?? manager.crmUserId;
  return manager.crmUserId === responsible
    ? 'incoming.answered_by_responsible'
    : 'incoming.answered_by_manager';
}
