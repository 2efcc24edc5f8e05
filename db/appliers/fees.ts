import type { Kysely } from 'kysely';
import type { DomainEvent } from '../../shared/events/catalog.js';
import type { Database } from '../schema.js';
import type { Applier } from './index.js';

/**
 * Fees. Every event is a fact inserted under its own id, so applying one twice, or desks' events
 * in another order, gives the same rows. Whether a charge is paid is not stored: it is "a line of a
 * receipt that is not voided", derived at read time. Voids are the one closing event: all are kept,
 * the earliest by HLC is the receipt's void, a later one stays on record as a superseded duplicate.
 */
export const feeAppliers: {
  ChargesRaised: Applier<'ChargesRaised'>;
  PaymentReceived: Applier<'PaymentReceived'>;
  ReceiptVoided: Applier<'ReceiptVoided'>;
  RefundIssued: Applier<'RefundIssued'>;
  DrawerFloatSet: Applier<'DrawerFloatSet'>;
  CashMoved: Applier<'CashMoved'>;
  CashMoveReversed: Applier<'CashMoveReversed'>;
  DrawerCounted: Applier<'DrawerCounted'>;
  ReminderRecorded: Applier<'ReminderRecorded'>;
} = {
  async ChargesRaised(db, { payload: p, actor, recordedAt }) {
    for (const c of p.charges) {
      await db
        .insertInto('fee_charges')
        .values({
          id: c.chargeId,
          unit_id: c.unitId,
          unit_code: c.unitCode,
          item: c.item,
          period: c.period,
          amount_fen: c.amountFen,
          vacant: c.vacant ? 1 : 0,
          note: c.note,
          source: p.source,
          batch_id: p.batchId,
          raised_at: recordedAt,
          actor,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  },
  async PaymentReceived(db, { payload: p, actor, deviceId }) {
    const r = await db
      .insertInto('fee_receipts')
      .values({
        id: p.receiptId,
        request_id: p.requestId,
        receipt_no: p.receiptNo,
        device_id: deviceId,
        year: p.year,
        seq: p.seq,
        shift_id: p.shiftId,
        unit_id: p.unit.unitId,
        unit_code: p.unit.unitCode,
        payer: p.payer,
        lines_fen: p.lines.reduce((n, l) => n + l.amountFen, 0),
        advance_fen: p.advanceFen,
        total_fen: p.totalFen,
        tendered_fen: p.tenderedFen,
        change_fen: p.changeFen,
        issued_at: p.issuedAt,
        actor,
        voided_at: null,
        void_event: null,
        voided_by: null,
        void_approver: null,
        void_reason: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return;
    if (p.lines.length)
      await db
        .insertInto('fee_receipt_lines')
        .values(
          p.lines.map((l) => ({
            receipt_id: p.receiptId,
            charge_id: l.chargeId,
            item: l.item,
            period: l.period,
            amount_fen: l.amountFen,
          })),
        )
        .execute();
    await db
      .insertInto('fee_receipt_payments')
      .values(
        p.methods.map((m, idx) => ({
          receipt_id: p.receiptId,
          idx,
          method: m.method,
          amount_fen: m.amountFen,
          reference: m.reference,
        })),
      )
      .execute();
  },
  async ReceiptVoided(db, { id, hlc, payload: p, actor }) {
    await db
      .insertInto('fee_voids')
      .values({ event_id: id, receipt_id: p.receiptId, hlc, at: p.at, actor, approver: p.approvedBy, reason: p.reason })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const first = await db
      .selectFrom('fee_voids')
      .selectAll()
      .where('receipt_id', '=', p.receiptId)
      .orderBy('hlc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('fee_receipts')
      .set({
        voided_at: first.at,
        void_event: first.event_id,
        voided_by: first.actor,
        void_approver: first.approver,
        void_reason: first.reason,
      })
      .where('id', '=', p.receiptId)
      .execute();
  },
  async RefundIssued(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('fee_refunds')
      .values({
        id: p.refundId,
        unit_id: p.unit.unitId,
        unit_code: p.unit.unitCode,
        amount_fen: p.amountFen,
        method: p.method,
        reference: p.reference,
        reason: p.reason,
        approver: p.approvedBy,
        device_id: deviceId,
        shift_id: p.shiftId,
        at: p.at,
        actor,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async DrawerFloatSet(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('drawer_entries')
      .values({
        id: p.entryId,
        device_id: deviceId,
        shift_id: p.shiftId,
        kind: 'float',
        amount_fen: p.amountFen,
        reason: '',
        at: p.at,
        actor,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  CashMoved: (db, { payload: p, actor, deviceId }) => insertCashMove(db, p, actor, deviceId, null),
  // A reversal is a move the other way that names the move it undoes; the original stays as it was.
  CashMoveReversed: (db, { payload: p, actor, deviceId }) => insertCashMove(db, p, actor, deviceId, p.reversesEntryId),
  async DrawerCounted(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('drawer_counts')
      .values({
        id: p.countId,
        device_id: deviceId,
        shift_id: p.shiftId,
        at: p.at,
        actor,
        denominations: JSON.stringify(p.denominations),
        counted_fen: p.countedFen,
        expected: JSON.stringify(p.expected),
        variance_fen: p.varianceFen,
        approver: p.approvedBy,
        reason: p.reason,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async ReminderRecorded(db, { payload: p, actor }) {
    await db
      .insertInto('fee_reminders')
      .values({
        id: p.reminderId,
        unit_id: p.unit.unitId,
        unit_code: p.unit.unitCode,
        channel: p.channel,
        at: p.at,
        outcome: p.outcome,
        actor,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
};

/** One row of the drawer's moves: a cash in or out, or (with `reversesId`) the reversal of one. */
async function insertCashMove(
  db: Kysely<Database>,
  p: DomainEvent<'CashMoved'>['payload'],
  actor: string,
  deviceId: string,
  reversesId: string | null,
) {
  await db
    .insertInto('drawer_entries')
    .values({
      id: p.entryId,
      device_id: deviceId,
      shift_id: p.shiftId,
      kind: p.direction,
      amount_fen: p.amountFen,
      reason: p.reason,
      at: p.at,
      actor,
      reverses_id: reversesId,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
