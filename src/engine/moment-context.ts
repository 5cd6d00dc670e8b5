import type { Utm } from '../domain/events.js';
import type { Cell, Condition } from '../domain/matrix.js';
import type { Employee, ProjectSettings } from '../domain/project.js';
import type { RecordTracking } from '../domain/snapshot.js';
import type { Staff } from './employees.js';
import type { CrmSemantics, MatrixOptions } from './profile.js';
import type { Translate } from './texts.js';
import type { ParameterValues } from './tracking.js';
import type { Matrix } from '../domain/matrix.js';

/** The project as `decide` sees it: settings, the matrix in force, the CRM's semantics, the staff. */
export interface ProjectContext {
  readonly settings: ProjectSettings;
  readonly matrix: Matrix;
  readonly semantics: CrmSemantics;
  readonly staff: Staff;
  readonly t: Translate;
  /** The CRM's default matrix options (analytics destination). */
  readonly options: MatrixOptions;
}

/** Everything the actions of one moment need to know, resolved once. */
export interface MomentContext {
  readonly condition: Condition;
  readonly at: string;
  /** CRM user owning the records this moment creates (D5, G11). */
  readonly ownerId: string | null;
  /** The manager of the call (or the dialog's employee), when known. */
  readonly manager: Employee | null;
  /** D2's responsible manager as of the call's start, with its fallbacks applied. */
  readonly responsibleUserId: string | null;
  /** The client was closed-only at the call's start (RC-9, RC-10, ZO-10). */
  readonly closedOnlyAtStart: boolean;
  readonly clientPhone: string | null;
  readonly clientName: string | null;
  readonly email: string | null;
  readonly values: ParameterValues;
  readonly utm: Utm | undefined;
  readonly tracking: RecordTracking | undefined;
  /** A messenger moment: `create_lead` always creates (G11). */
  readonly messenger: boolean;
  readonly callId: string | null;
  /** Set for tasks made at a call's end (D3). */
  readonly recordingUrl: string | null;
  /** The task description: call data, tracking data, chat link. */
  readonly description: string;
  /** What a `comment` cell writes; null when the event has nothing to say. */
  readonly commentText: string | null;
  /** The closed deal `create_deal_if_none` adopted earlier in the call, for links. */
  readonly adoptedDealId: string | null;
}

export type Row = readonly Cell[];
