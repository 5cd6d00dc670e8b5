import { z } from 'zod';
import { UtmSchema } from './events.js';

// The neutral CRM snapshot of scenario-format §4: what `simulate` prints, what
// a scenario's `crm_state` seeds, and the shape every adapter maps to and from.

const id = z.string().min(1);
const ref = id.nullable().optional();
const fields = z.record(z.string(), z.string());

/** Tracking data other than UTM, kept on records (G5); an optional extension of §4. */
export const RecordTrackingSchema = z.strictObject({
  pool: z.string().optional(),
  gaClientId: z.string().optional(),
  landingPage: z.string().optional(),
  trackingNumber: z.string().optional(),
  messengerClientId: z.string().optional(),
});
export type RecordTracking = z.infer<typeof RecordTrackingSchema>;

export const UserSchema = z.strictObject({ id, name: z.string() });
export const ContactSchema = z.strictObject({
  id,
  name: z.string().optional(),
  phones: z.array(z.string()).default([]),
  email: z.string().optional(),
  ownerId: ref,
  organizationId: ref,
  utm: UtmSchema.optional(),
  tracking: RecordTrackingSchema.optional(),
  fields: fields.optional(),
});
export const LeadSchema = z.strictObject({
  id,
  contactId: ref,
  name: z.string().optional(),
  phones: z.array(z.string()).default([]),
  ownerId: ref,
  status: z.enum(['open', 'converted', 'closed']).default('open'),
  utm: UtmSchema.optional(),
  tracking: RecordTrackingSchema.optional(),
  fields: fields.optional(),
});
export const DealSchema = z.strictObject({
  id,
  name: z.string().optional(),
  contactId: ref,
  organizationId: ref,
  /** Phones a deal carries itself (a retailCRM order's phone); optional extension of §4. */
  phones: z.array(z.string()).optional(),
  ownerId: ref,
  status: z.enum(['open', 'won', 'lost']).default('open'),
  pipeline: z.string().optional(),
  utm: UtmSchema.optional(),
  tracking: RecordTrackingSchema.optional(),
  fields: fields.optional(),
});
export const OrganizationSchema = z.strictObject({
  id,
  name: z.string().optional(),
  ownerId: ref,
  utm: UtmSchema.optional(),
  tracking: RecordTrackingSchema.optional(),
});
export const TaskSchema = z.strictObject({
  id,
  assigneeId: ref,
  done: z.boolean(),
  dueAt: z.string().optional(),
  title: z.string(),
  description: z.string().optional(),
  contactId: ref,
  leadId: ref,
  dealId: ref,
  callId: ref,
  recordingUrl: ref,
});
export const CommentSchema = z.strictObject({
  id,
  text: z.string(),
  contactId: ref,
  leadId: ref,
  dealId: ref,
});
/** A leg of a call: the CRM user (null when unknown), talk seconds, and who it was by name for texts. */
export const LegSchema = z.strictObject({
  userId: id.nullable(),
  talkSec: z.number(),
  name: z.string().optional(),
});
export const CallLogSchema = z.strictObject({
  id,
  callId: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  from: z.string(),
  to: z.string(),
  disposition: z.enum(['answered', 'missed', 'busy', 'failed', 'voicemail']),
  durationSec: z.number().optional(),
  startedAt: z.string().optional(),
  recordingUrl: ref,
  userId: ref,
  contactId: ref,
  leadId: ref,
  dealId: ref,
  legs: z.array(LegSchema).optional(),
  description: z.string().optional(),
});
export const NotificationSchema = z.strictObject({
  userId: id,
  callId: z.string(),
  kind: z.enum(['incoming', 'missed']),
});

export const SnapshotSchema = z.strictObject({
  users: z.array(UserSchema).default([]),
  contacts: z.array(ContactSchema).default([]),
  leads: z.array(LeadSchema).default([]),
  deals: z.array(DealSchema).default([]),
  organizations: z.array(OrganizationSchema).default([]),
  tasks: z.array(TaskSchema).default([]),
  comments: z.array(CommentSchema).default([]),
  calls: z.array(CallLogSchema).default([]),
  notifications: z.array(NotificationSchema).default([]),
});

export type User = z.infer<typeof UserSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Lead = z.infer<typeof LeadSchema>;
export type Deal = z.infer<typeof DealSchema>;
export type Organization = z.infer<typeof OrganizationSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type CallLog = z.infer<typeof CallLogSchema>;
export type Leg = z.infer<typeof LegSchema>;
export type Notification = z.infer<typeof NotificationSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type EntityCollection = Exclude<keyof Snapshot, 'users'>;

/** The records that make up one client (behaviour §1), oldest first in each list. */
export interface ClientRecords {
  readonly contacts: readonly Contact[];
  readonly leads: readonly Lead[];
  readonly deals: readonly Deal[];
  readonly organizations: readonly Organization[];
}

export const EMPTY_CLIENT: ClientRecords = {
  contacts: [],
  leads: [],
  deals: [],
  organizations: [],
};
