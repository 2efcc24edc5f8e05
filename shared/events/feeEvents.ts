import { z } from 'zod';
import { FEE_ITEM_CODES, PAY_METHODS, REMINDER_CHANNELS } from '../domain/fees.js';

/**
 * Fee events (收费). Each payload is self-contained — unit code, item, period, amounts in fen,
 * receipt number — so HQ can project receipts from the payload alone, without the desk's tables.
 */
const ev = <P extends z.ZodType>(v: number, payload: P) => ({ v, payload });
const fen = z.number().int();
const Unit = z.object({ unitId: z.string(), unitCode: z.string() });

export const feeEvents = {
  /** Charges (应收) from an import file (HQ's billing until sync brings it) or one raised by a manager. */
  ChargesRaised: ev(
    1,
    z.object({
      batchId: z.string(),
      source: z.enum(['import', 'manual']),
      fileName: z.string(),
      /** The paid repair ticket the charge was made from (added later: absent on older events). */
      ticketId: z.string().optional(),
      charges: z.array(
        Unit.extend({
          chargeId: z.string(),
          item: z.enum(FEE_ITEM_CODES),
          period: z.string(),
          amountFen: fen,
          vacant: z.boolean(),
          note: z.string(),
        }),
      ),
    }),
  ),
  /** Money taken and a receipt issued; the receipt number was allocated in the same transaction. */
  PaymentReceived: ev(
    1,
    z.object({
      receiptId: z.string(),
      requestId: z.string(),
      receiptNo: z.string(),
      year: z.number().int(),
      seq: z.number().int(),
      shiftId: z.string().nullable(),
      unit: Unit,
      payer: z.string(),
      lines: z.array(z.object({ chargeId: z.string(), item: z.enum(FEE_ITEM_CODES), period: z.string(), amountFen: fen })),
      /** Paid beyond the chosen lines (预交): a credit on the account, refundable. */
      advanceFen: fen,
      totalFen: fen,
      methods: z.array(z.object({ method: z.enum(PAY_METHODS), amountFen: fen, reference: z.string() })),
      tenderedFen: fen,
      changeFen: fen,
      issuedAt: z.string(),
    }),
  ),
  /** A reversal: the receipt stays (number never reissued), what it paid is due again. */
  ReceiptVoided: ev(
    1,
    z.object({ receiptId: z.string(), receiptNo: z.string(), at: z.string(), approvedBy: z.string(), reason: z.string() }),
  ),
  /** An overpayment (credit on the account) paid back. */
  RefundIssued: ev(
    1,
    z.object({
      refundId: z.string(),
      unit: Unit,
      amountFen: fen,
      method: z.enum(PAY_METHODS),
      reference: z.string(),
      reason: z.string(),
      approvedBy: z.string(),
      shiftId: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** The cash the drawer starts a shift with (备用金). */
  DrawerFloatSet: ev(1, z.object({ entryId: z.string(), shiftId: z.string(), amountFen: fen, at: z.string() })),
  /** Cash put in or taken out of the drawer other than by a payment (e.g. banked, change brought). */
  CashMoved: ev(
    1,
    z.object({
      entryId: z.string(),
      shiftId: z.string(),
      direction: z.enum(['in', 'out']),
      amountFen: fen,
      reason: z.string(),
      at: z.string(),
    }),
  ),
  /**
   * A move reversed by the opposite move (冲正) with the reason; `reversesEntryId` names the move.
   * The original stays as it was recorded. One reversal per move: the desk checks it in the
   * transaction and the drawer table's unique index on the link holds it.
   */
  CashMoveReversed: ev(
    1,
    z.object({
      entryId: z.string(),
      reversesEntryId: z.string(),
      shiftId: z.string(),
      direction: z.enum(['in', 'out']),
      amountFen: fen,
      reason: z.string(),
      at: z.string(),
    }),
  ),
  /** The shift-end count by denomination against what the system expected per method. */
  DrawerCounted: ev(
    1,
    z.object({
      countId: z.string(),
      shiftId: z.string(),
      at: z.string(),
      denominations: z.record(z.string(), z.number().int()),
      countedFen: fen,
      expected: z.record(z.enum(PAY_METHODS), fen),
      varianceFen: fen,
      approvedBy: z.string().nullable(),
      reason: z.string(),
    }),
  ),
  /** A late-payment reminder (催缴): phone, SMS or a visit, and what came of it. */
  ReminderRecorded: ev(
    1,
    z.object({ reminderId: z.string(), unit: Unit, channel: z.enum(REMINDER_CHANNELS), at: z.string(), outcome: z.string() }),
  ),
} as const;
