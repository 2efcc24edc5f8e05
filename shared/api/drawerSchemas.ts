import { z } from 'zod';
import { requiredText } from './fields.js';
import { yuan } from './feeSchemas.js';

/** Cash put in or taken out of this shift's drawer other than by a payment, with the reason. */
export const DrawerMoveInput = z.object({
  direction: z.enum(['in', 'out']),
  amount: yuan.refine((n) => n > 0, { message: 'err.fee.amountZero' }),
  reason: requiredText(100),
});

/**
 * A move recorded in error is reversed by an opposite move that names it (冲正), never edited:
 * the drawer's history stays as it happened. Once per move; a reversal is not reversed.
 */
export const DrawerReverseInput = z.object({
  entryId: z.string().min(1, { message: 'err.required' }),
  reason: requiredText(100),
});
