import { z } from 'zod';
import { requiredText } from './fields.js';

/** What two desks can do to one record while apart that a person must look at (issue 15 item 5). */
export const CONFLICT_KINDS = [
  'fee_paid_twice',
  'ticket_lost_to_cancel',
  'double_checkout',
  'double_pickup',
  'setting_overwritten',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** How a leader closed a conflict: a note only, or the ticket reopened for its callback. */
export const CONFLICT_ACTIONS = ['noted', 'reopened'] as const;

/** One side of a conflict: who did what, at which desk, when. `won` is the side the records show. */
export const ConflictSide = z.object({
  eventId: z.string(),
  deviceId: z.string(),
  deskCode: z.string(),
  actor: z.string(),
  actorName: z.string(),
  at: z.string(),
  /** What this side did, as data the page words (a receipt number, a setting's value, a step). */
  what: z.string(),
  won: z.boolean(),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

export const ConflictResolution = z.object({
  eventId: z.string(),
  action: z.enum(CONFLICT_ACTIONS),
  note: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});

export const Conflict = z.object({
  /** Deterministic from the events (`kind:record`), so every desk and HQ name it alike. */
  id: z.string(),
  kind: z.enum(CONFLICT_KINDS),
  /** The record's human identity: visitor and pass, register number, unit and month, ticket number, setting. */
  subject: z.string(),
  sides: z.array(ConflictSide),
  /** Where the follow-up happens: the unit's account (refund), the ticket (reopen and call back). */
  unitId: z.string().nullable(),
  ticketId: z.string().nullable(),
  resolution: ConflictResolution.nullable(),
});
export type Conflict = z.infer<typeof Conflict>;

export const ConflictListInput = z.object({ includeResolved: z.boolean().default(false) });

export const ResolveConflictInput = z.object({
  conflictId: z.string().min(1).max(300),
  note: requiredText(500),
  action: z.enum(CONFLICT_ACTIONS).default('noted'),
});

/** HQ's rejection of one of this desk's events, in the desk's words (rejectionText.ts words it). */
export const RejectionView = z.object({
  eventId: z.string(),
  deviceSeq: z.number().int(),
  type: z.string(),
  reason: z.string(),
  receivedAt: z.string(),
  /** Who or what the event was about, as the desk knows it (visitor and pass, receipt, ticket...). */
  identity: z.object({ kind: z.string(), label: z.string() }).nullable(),
  handled: z.object({ note: z.string(), byName: z.string(), at: z.string() }).nullable(),
  /** A kind a re-send can fix once HQ's data is right (shared/sync/resend.ts): the list offers "re-send". */
  resendable: z.boolean(),
  /** What HQ's administrator wrote when refusing a held change (their words, shown as they are). */
  hqNote: z.string().nullable(),
});
export type RejectionView = z.infer<typeof RejectionView>;

export const HandleRejectionInput = z.object({ eventId: z.string().min(1).max(100), note: requiredText(500) });

export const ResendRejectionInput = z.object({ eventId: z.string().min(1).max(100) });

/** HQ's judgement of a re-sent event: taken, waiting for its record, held for HQ's administrator, or refused again. */
export const ResendOutcome = z.object({
  outcome: z.enum(['accepted', 'waiting', 'held', 'rejected']),
  reason: z.string().nullable(),
});
export type ResendOutcome = z.infer<typeof ResendOutcome>;
