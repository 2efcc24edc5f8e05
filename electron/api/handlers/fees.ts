import { deskTime } from '../../../shared/domain/deskTime.js';
import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { formatReceiptNo } from '../../../shared/domain/numbering.js';
import type { ProcParsed } from '../../../shared/api/contract.js';
import { draft } from '../../../db/events.js';
import { nextCounter } from '../../../db/meta.js';
import { openShiftOf } from '../../../db/queries/shifts.js';
import * as q from '../../../db/queries/fees.js';
import type { FeeItemCode } from '../../../shared/domain/fees.js';
import { needsLargeConfirmation } from '../../../shared/domain/money.js';
import { approveBy } from '../pinCheck.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';
import { accountOf, receiptDetail, unitRow } from './feeView.js';

type PayInput = ProcParsed<'fees:pay'>;

/** A refund pays back a credit (an overpayment) and never more than the unit's credit. */
async function checkRefundWithinCredit(db: HandlerContext['db'], unitId: string, amountFen: number) {
  const credit = -(await q.unitBalanceFen(db, unitId));
  if (amountFen > credit)
    throw new ApiFailure('invalid_input', 'err.fee.refundOverCredit', [{ path: 'amount', message: 'err.fee.refundOverCredit' }], {
      creditFen: Math.max(0, credit),
    });
}

/** The lines chosen must be this unit's charges, each still unpaid: a month is never paid twice. */
async function checkLines(db: HandlerContext['db'], input: PayInput) {
  const charges = await q.chargesByIds(db, input.chargeIds);
  const byId = new Map(charges.map((c) => [c.id, c]));
  input.chargeIds.forEach((id) => {
    const c = byId.get(id);
    if (!c || c.unit_id !== input.unitId) throw fieldError('chargeIds', 'err.fee.chargeNotFound');
    if (c.paid_receipt_no)
      throw new ApiFailure('invalid_input', 'err.fee.paidTwice', [{ path: 'chargeIds', message: 'err.fee.paidTwice' }], {
        receiptNo: c.paid_receipt_no,
        period: c.period,
      });
  });
  return input.chargeIds.map((id) => byId.get(id)!);
}

/** Methods must add up to the total; the change is what was tendered beyond the cash part. */
function settle(input: PayInput, totalFen: number) {
  const paid = input.methods.reduce((n, m) => n + m.amount, 0);
  if (paid !== totalFen)
    throw new ApiFailure('invalid_input', 'err.fee.methodsTotal', [{ path: 'methods', message: 'err.fee.methodsTotal' }], {
      totalFen,
      paidFen: paid,
    });
  const cash = input.methods.filter((m) => m.method === 'cash').reduce((n, m) => n + m.amount, 0);
  const tenderedFen = input.tendered > 0 ? input.tendered : cash;
  return { tenderedFen, changeFen: tenderedFen - cash };
}

/**
 * Above the site's limit the cashier confirms the amount read back in capitals (大写); a script that
 * skips the screen's question is refused here, and nothing is written.
 */
function checkLarge(input: PayInput, totalFen: number, tenderedFen: number, limitFen: number) {
  const amountFen = Math.max(totalFen, tenderedFen);
  if (needsLargeConfirmation(amountFen, limitFen) && !input.confirmedLarge)
    throw new ApiFailure(
      'confirmation_required',
      'err.fee.largeUnconfirmed',
      [{ path: 'confirmedLarge', message: 'err.fee.largeUnconfirmed' }],
      { amountFen, limitFen },
    );
}

export async function replayPayment(ctx: HandlerContext, receiptId: string) {
  const job = await ctx.db
    .selectFrom('print_jobs')
    .select('id')
    .where('doc_type', '=', 'receipt')
    .where('doc_id', '=', receiptId)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return { receipt: (await receiptDetail(ctx.db, receiptId))!, printJobId: job.id };
}

export const feeHandlers: Pick<HandlerMap, 'fees:account' | 'fees:pay' | 'fees:receipt' | 'fees:void' | 'fees:refund'> = {
  async 'fees:account'(input, ctx) {
    const account = await accountOf(ctx.db, input.unitId, ctx.now);
    if (!account) throw fieldError('unitId', 'err.fee.unitNotFound');
    return account;
  },

  /**
   * One transaction: the payment event with its lines and methods, the receipt number from this
   * desk's counter for the year, and the receipt's print job. A crash leaves all of it or none.
   */
  async 'fees:pay'(input, ctx) {
    const { site } = signedIn(ctx);
    const earlier = await q.receiptByRequest(ctx.db, input.requestId);
    if (earlier) return replayPayment(ctx, earlier.id);
    const unit = await unitRow(ctx.db, input.unitId);
    if (!unit) throw fieldError('unitId', 'err.fee.unitNotFound');
    const settings = await ctx.services.settings();
    const receiptId = uuidv7();
    const printJobId = uuidv7();
    const raced = await ctx.transact(async (trx, emit) => {
      const first = await q.receiptByRequest(trx, input.requestId);
      if (first) return first.id;
      // Checked inside the transaction: another window paying the same month cannot slip in between.
      const lines = await checkLines(trx, input);
      const totalFen = lines.reduce((n, c) => n + c.amount_fen, 0) + input.advance;
      const { tenderedFen, changeFen } = settle(input, totalFen);
      checkLarge(input, totalFen, tenderedFen, settings.largePaymentLimitFen);
      const year = deskTime(ctx.now).year();
      const seq = await nextCounter(trx, 'receipt', String(year));
      const shift = await openShiftOf(trx, site.deviceId);
      await emit(
        draft('PaymentReceived', {
          receiptId,
          requestId: input.requestId,
          receiptNo: formatReceiptNo(site.siteCode, site.deviceCode, year, seq),
          year,
          seq,
          shiftId: shift?.id ?? null,
          unit: { unitId: unit.id, unitCode: unit.code },
          payer: input.payer,
          lines: lines.map((c) => ({ chargeId: c.id, item: c.item as FeeItemCode, period: c.period, amountFen: c.amount_fen })),
          advanceFen: input.advance,
          totalFen,
          methods: input.methods.map((m) => ({ method: m.method, amountFen: m.amount, reference: m.reference })),
          tenderedFen,
          changeFen,
          issuedAt: ctx.now.toISOString(),
        }),
        draft('PrintJobQueued', {
          jobId: printJobId,
          docType: 'receipt',
          docId: receiptId,
          layout: settings.receiptLayout,
          copyNo: 0,
        }),
      );
      return null;
    });
    if (raced) return replayPayment(ctx, raced);
    ctx.services.notify({ kind: 'fees-changed' });
    ctx.services.notify({ kind: 'print-queued', jobId: printJobId });
    return { receipt: (await receiptDetail(ctx.db, receiptId))!, printJobId };
  },

  async 'fees:receipt'(input, ctx) {
    const r = await receiptDetail(ctx.db, input.receiptId);
    if (!r) throw fieldError('receiptId', 'err.notFound');
    return r;
  },

  /** A reversal needs a shift leader's PIN and a reason; the number stays used, the months are due again. */
  async 'fees:void'(input, ctx) {
    const { staff } = signedIn(ctx);
    const r = await q.receiptById(ctx.db, input.receiptId);
    if (!r) throw fieldError('receiptId', 'err.notFound');
    if (r.voided_at)
      throw new ApiFailure('conflict', 'err.fee.alreadyVoided', [{ path: 'receiptId', message: 'err.fee.alreadyVoided' }]);
    const approver = await approveBy(ctx, input.approval, 'shift_leader', ctx.now, 'approval', [r.actor, staff.id]);
    await ctx.transact(async (trx, emit) => {
      if ((await q.receiptById(trx, r.id))?.voided_at) throw new ApiFailure('conflict', 'err.fee.alreadyVoided');
      await emit(
        draft('ReceiptVoided', {
          receiptId: r.id,
          receiptNo: r.receipt_no,
          at: ctx.now.toISOString(),
          approvedBy: approver.id,
          reason: input.approval.reason,
        }),
      );
    });
    ctx.services.notify({ kind: 'fees-changed' });
    return (await receiptDetail(ctx.db, r.id))!;
  },

  /** Pays back a credit (an overpayment); never more than the unit's credit. */
  async 'fees:refund'(input, ctx) {
    const { site, staff } = signedIn(ctx);
    const unit = await unitRow(ctx.db, input.unitId);
    if (!unit) throw fieldError('unitId', 'err.fee.unitNotFound');
    // Over the credit is refused before the PIN is looked at, so the answer never tells a right PIN
    // from a wrong one; checked again inside the transaction against a payment made meanwhile.
    await checkRefundWithinCredit(ctx.db, unit.id, input.amount);
    const approver = await approveBy(ctx, input.approval, 'shift_leader', ctx.now, 'approval', [staff.id]);
    await ctx.transact(async (trx, emit) => {
      await checkRefundWithinCredit(trx, unit.id, input.amount);
      const shift = await openShiftOf(trx, site.deviceId);
      await emit(
        draft('RefundIssued', {
          refundId: uuidv7(),
          unit: { unitId: unit.id, unitCode: unit.code },
          amountFen: input.amount,
          method: input.method,
          reference: input.reference,
          reason: input.approval.reason,
          approvedBy: approver.id,
          shiftId: shift?.id ?? null,
          at: ctx.now.toISOString(),
        }),
      );
    });
    ctx.services.notify({ kind: 'fees-changed' });
    return null;
  },
};
