import type { CrmId } from '../domain/crm-id.js';
import type { Event } from '../domain/events.js';
import type { Matrix } from '../domain/matrix.js';
import { normalisePhone, type Phone } from '../domain/phone.js';
import { MatrixSchema, type Employee, type ProjectSettings } from '../domain/project.js';
import { decideCall } from './call.js';
import { decideAnalytics, decideForm, decideMessenger, dialogPhone } from './conversations.js';
import { SKIP, skippedWhole, type Decision, type DecisionInput } from './decision.js';
import { PROFILES } from './defaults/index.js';
import { Staff } from './employees.js';
import { clientSide, type CreatedRecords, type Memory } from '../domain/memory.js';
import type { ProjectContext } from './moment-context.js';
import { translator } from './texts.js';

/**
 * The engine's one entry: event + client context + project → plan. Pure: no
 * I/O, no clock, no CRM names; the same input always gives the same plan.
 */
export function decide(input: DecisionInput): Decision {
  const { event } = input;
  if (input.redelivery) return skippedWhole(SKIP.redelivery, null);
  switch (event.type) {
    case 'form.submitted':
      return decideForm(event, input);
    case 'analytics.ready':
      return decideAnalytics(event, input);
    case 'messenger.dialog_started':
    case 'messenger.dialog_taken':
    case 'messenger.contact_provided':
    case 'messenger.dialog_ended':
      return decideMessenger(event, input);
    default:
      return decideCall(event, input);
  }
}

/** What to look the client up by before deciding: a callable phone, and records made earlier in a dialog. */
export interface ClientQuery {
  readonly phone: Phone | null;
  readonly created: CreatedRecords | null;
}

export function clientQuery(
  event: Event,
  memory: Memory | null,
  settings: ProjectSettings,
): ClientQuery {
  const callable = (raw: string | null | undefined): Phone | null => {
    if (!raw) return null;
    const phone = normalisePhone(raw, settings.defaultCountry);
    return phone.e164 ? phone : null;
  };
  switch (event.type) {
    case 'form.submitted':
      return { phone: callable(event.phone), created: null };
    case 'messenger.dialog_started':
    case 'messenger.dialog_taken':
    case 'messenger.contact_provided':
    case 'messenger.dialog_ended': {
      const dialog = memory?.kind === 'dialog' ? memory : null;
      return {
        phone: callable(dialogPhone(dialog, event, settings.defaultCountry)),
        created: dialog?.created ?? null,
      };
    }
    default: {
      const call = memory?.kind === 'call' ? memory : null;
      if (call?.direction) return { phone: callable(clientSide(call)), created: null };
      if (event.type === 'call.started' || event.type === 'call.ended') {
        return {
          phone: callable(event.direction === 'outgoing' ? event.to : event.from),
          created: null,
        };
      }
      return { phone: null, created: null };
    }
  }
}

/** The project as the engine needs it, built once per project version. */
export function projectContext(
  crm: CrmId,
  settings: ProjectSettings,
  employees: readonly Employee[],
): ProjectContext {
  const profile = PROFILES[crm];
  const matrix: Matrix = settings.matrix ?? MatrixSchema.parse(profile.matrix);
  const routingPriority = settings.routingPriority ?? profile.semantics.routingPriority;
  return {
    settings,
    matrix,
    semantics: { ...profile.semantics, routingPriority },
    staff: new Staff(employees, settings.defaultCountry),
    t: translator(settings.language),
    options: profile.options,
  };
}
