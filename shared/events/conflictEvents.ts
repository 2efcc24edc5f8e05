import { z } from 'zod';
import { CONFLICT_ACTIONS, CONFLICT_KINDS } from '../api/conflictSchemas.js';

const ev = <P extends z.ZodType>(v: number, payload: P) => ({ v, payload });

/**
 * The conflict inbox (shared/conflicts/detect.ts): a conflict is found from the events alike on every
 * desk and at HQ, so only its closing travels — the person's note, and what they did about it.
 */
export const conflictEvents = {
  /** A shift leader (or HQ) looked at a conflict and closed it; the first by HLC is the one shown. */
  ConflictResolved: ev(
    1,
    z.object({
      conflictId: z.string(),
      kind: z.enum(CONFLICT_KINDS),
      action: z.enum(CONFLICT_ACTIONS),
      note: z.string(),
      /** Who at HQ, when HQ resolved it (HQ's events carry the pseudo-actor 'hq'). */
      byName: z.string().optional(),
      at: z.string(),
    }),
  ),
  /** A rejection HQ returned for one of this desk's events was looked at and needs nothing more. */
  RejectionHandled: ev(1, z.object({ eventId: z.string(), note: z.string(), at: z.string() })),
};
