import { z } from 'zod';
import { optionalText, pin } from './fields.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'err.time' });

export const ShiftPatternSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,4}$/, { message: 'err.shift.patternCode' }),
  start: hhmm,
  end: hhmm,
  onCall: z.boolean(),
});

export const ShiftPatterns = z
  .array(ShiftPatternSchema)
  .min(1, { message: 'err.required' })
  .max(12)
  .refine((ps) => new Set(ps.map((p) => p.code.toUpperCase())).size === ps.length, { message: 'err.shift.patternDuplicate' });

const HandoverLine = z.object({
  at: z.string().nullable(),
  text: z.string(),
  tag: z.string(),
  by: z.string(),
  high: z.boolean(),
});
export const HandoverSectionSchema = z.object({ key: z.string(), lines: z.array(HandoverLine) });

export const Signature = z.object({ staffId: z.string(), name: z.string(), at: z.string() });

/** A shift of one desk; once closed it carries its handover sheet. */
export const Shift = z.object({
  id: z.string(),
  deviceCode: z.string(),
  patternCode: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  plannedEnd: z.string(),
  closedAt: z.string().nullable(),
  /** Open longer than its pattern's end plus the grace time: flagged to the next person and the leader. */
  stale: z.boolean(),
  /** Closed without the outgoing person's signature because it was left open. */
  abandoned: z.boolean(),
  members: z.array(z.object({ staffId: z.string(), name: z.string(), joinedAt: z.string(), leftAt: z.string().nullable() })),
});
export type Shift = z.infer<typeof Shift>;

export const HandoverSheet = z.object({
  shiftId: z.string(),
  deviceCode: z.string(),
  patternCode: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** A preview of a shift still open (left open): assembled now, not yet signed. */
  preview: z.boolean(),
  abandoned: z.boolean(),
  note: z.string(),
  sections: z.array(HandoverSectionSchema),
  outgoing: Signature.nullable(),
  acknowledgements: z.array(Signature),
});
export type HandoverSheet = z.infer<typeof HandoverSheet>;

/** What the desk must do before anything else: open, join, take over, or nothing (on shift). */
export const ShiftState = z.object({
  current: Shift.nullable(),
  /** The signed-in person is on the current shift: the desk is open to them. */
  onShift: z.boolean(),
  /**
   * The handover to read and acknowledge first: the last closed shift (opening), the one the
   * current shift started from (joining), or the shift left open (taking over). Null: none exists.
   */
  handoverShiftId: z.string().nullable(),
  /** The current shift was left open: the next person takes it over (it is flagged, unsigned). */
  takeOver: z.boolean(),
  /** This window was shown the handover (shift:handover), so the PIN may acknowledge it. */
  handoverShown: z.boolean(),
  patterns: z.array(ShiftPatternSchema),
  suggestedPattern: z.string(),
});
export type ShiftState = z.infer<typeof ShiftState>;

/** The incoming person's acknowledgement: which handover, and their own PIN. */
const Acknowledgement = z.object({ handoverShiftId: z.string().nullable(), pin: pin.optional() });

export const OpenShiftInput = Acknowledgement.extend({ patternCode: z.string().trim().min(1, { message: 'err.required' }) });
export const JoinShiftInput = Acknowledgement;
export const CloseShiftInput = z.object({ note: optionalText(1000), pin });
export const HandoverReadInput = z.object({ shiftId: z.string().optional() });

export const ShiftOverview = z.object({
  desks: z.array(z.object({ deviceCode: z.string(), open: Shift.nullable() })),
  /** Shifts closed without a signature (left open) in the last days, all desks of the site. */
  abandoned: z.array(Shift),
});
