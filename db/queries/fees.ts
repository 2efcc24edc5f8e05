import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, FeeChargesTable, FeeReceiptsTable } from '../schema.js';
import { PAY_METHODS, type FeeItemCode, type PayMethod } from '../../shared/domain/fees.js';
import { firstRow } from '../../shared/domain/rows.js';

type Db = Kysely<Database>;
export type ReceiptRow = Selectable<FeeReceiptsTable>;

/** A charge with what paid it (the columns CHARGE_STATE selects). */
export type ChargeState = Pick<
  Selectable<FeeChargesTable>,
  'id' | 'unit_id' | 'unit_code' | 'item' | 'period' | 'amount_fen' | 'vacant' | 'note'
> & {
  /** The receipt (not voided) that paid it, or null while it is due. */
  paid_receipt_no: string | null;
  /** Receipts (not voided) that paid it: more than 1 when two desks took it offline at once. */
  paid_count: number;
};

const CHARGE_STATE = sql`
    SELECT c.id, c.unit_id, c.unit_code, c.item, c.period, c.amount_fen, c.vacant, c.note,
      MIN(r.receipt_no) AS paid_receipt_no, COUNT(r.id) AS paid_count
    FROM fee_charges c
    LEFT JOIN fee_receipt_lines l ON l.charge_id = c.id
    LEFT JOIN fee_receipts r ON r.id = l.receipt_id AND r.voided_at IS NULL`;

/** A unit's charges, oldest first, each with what paid it (a receipt line that is not voided). */
export async function chargesOfUnit(db: Db, unitId: string): Promise<ChargeState[]> {
  const r =
    await sql<ChargeState>`${CHARGE_STATE} WHERE c.unit_id = ${unitId} GROUP BY c.id ORDER BY c.period, c.item, c.id`.execute(db);
  return r.rows;
}

export async function chargesByIds(db: Db, ids: string[]): Promise<ChargeState[]> {
  if (!ids.length) return [];
  const r = await sql<ChargeState>`${CHARGE_STATE} WHERE c.id IN (${sql.join(ids)}) GROUP BY c.id`.execute(db);
  return r.rows;
}

/**
 * What the unit owes (negative: a credit): charges − payments + reversals + refunds, where
 * payments are every receipt ever issued and reversals the voided ones.
 */
export async function unitBalanceFen(db: Db, unitId: string): Promise<number> {
  const r = await sql<{ balance: number }>`
    SELECT
      (SELECT COALESCE(SUM(amount_fen), 0) FROM fee_charges WHERE unit_id = ${unitId})
      - (SELECT COALESCE(SUM(total_fen), 0) FROM fee_receipts WHERE unit_id = ${unitId})
      + (SELECT COALESCE(SUM(total_fen), 0) FROM fee_receipts WHERE unit_id = ${unitId} AND voided_at IS NOT NULL)
      + (SELECT COALESCE(SUM(amount_fen), 0) FROM fee_refunds WHERE unit_id = ${unitId}) AS balance`.execute(db);
  return Number(firstRow(r.rows, 'unit balance').balance);
}

/** Unpaid charges of a unit for months up to and including `uptoPeriod` (YYYY-MM). */
export async function unpaidDueFen(db: Db, unitId: string, uptoPeriod: string): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT COALESCE(SUM(c.amount_fen), 0) AS n FROM fee_charges c
    WHERE c.unit_id = ${unitId} AND c.period <= ${uptoPeriod}
      AND NOT EXISTS (SELECT 1 FROM fee_receipt_lines l JOIN fee_receipts r ON r.id = l.receipt_id
        WHERE l.charge_id = c.id AND r.voided_at IS NULL)`.execute(db);
  return Number(firstRow(r.rows, 'unpaid charges due').n);
}

export async function receiptById(db: Db, id: string): Promise<ReceiptRow | undefined> {
  return db.selectFrom('fee_receipts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function receiptByRequest(db: Db, requestId: string): Promise<ReceiptRow | undefined> {
  return db.selectFrom('fee_receipts').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

export async function receiptLines(db: Db, receiptId: string) {
  return db
    .selectFrom('fee_receipt_lines')
    .selectAll()
    .where('receipt_id', '=', receiptId)
    .orderBy('period')
    .orderBy('item')
    .execute();
}

/** The notes of the given charges, by charge id (charges without a note are left out). */
export async function chargeNotes(db: Db, chargeIds: string[]): Promise<Map<string, string>> {
  if (!chargeIds.length) return new Map();
  const rows = await db
    .selectFrom('fee_charges')
    .select(['id', 'note'])
    .where('id', 'in', chargeIds)
    .where('note', '!=', '')
    .execute();
  return new Map(rows.map((r) => [r.id, r.note]));
}

export async function receiptPayments(db: Db, receiptId: string) {
  return db.selectFrom('fee_receipt_payments').selectAll().where('receipt_id', '=', receiptId).orderBy('idx').execute();
}

export async function receiptsOfUnit(db: Db, unitId: string, limit = 50): Promise<ReceiptRow[]> {
  return db
    .selectFrom('fee_receipts')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('issued_at', 'desc')
    .limit(limit)
    .execute();
}

export async function remindersOfUnit(db: Db, unitId: string) {
  return db
    .selectFrom('fee_reminders')
    .leftJoin('staff', 'staff.id', 'fee_reminders.actor')
    .selectAll('fee_reminders')
    .select('staff.name as actor_name')
    .where('unit_id', '=', unitId)
    .orderBy('at')
    .execute();
}

export type MethodTotals = Record<PayMethod, number>;
export const zeroTotals = (): MethodTotals => Object.fromEntries(PAY_METHODS.map((m) => [m, 0])) as MethodTotals;

/**
 * What the drawer should hold at the end of a shift, per method: the float, cash moved in and out,
 * payments of receipts not voided (a voided receipt's money went back), less refunds paid out.
 */
export async function drawerExpectation(db: Db, shiftId: string): Promise<{ expected: MethodTotals; floatFen: number }> {
  const expected = zeroTotals();
  const entries = await db
    .selectFrom('drawer_entries')
    .select(['kind', (eb) => eb.fn.sum<number>('amount_fen').as('n')])
    .where('shift_id', '=', shiftId)
    .groupBy('kind')
    .execute();
  let floatFen = 0;
  for (const e of entries) {
    const n = Number(e.n);
    if (e.kind === 'float') floatFen += n;
    expected.cash += e.kind === 'out' ? -n : n;
  }
  const paid = await sql<{ method: PayMethod; n: number }>`
    SELECT p.method, SUM(p.amount_fen) AS n FROM fee_receipts r JOIN fee_receipt_payments p ON p.receipt_id = r.id
    WHERE r.shift_id = ${shiftId} AND r.voided_at IS NULL GROUP BY p.method`.execute(db);
  for (const p of paid.rows) expected[p.method] += Number(p.n);
  const refunds = await sql<{ method: PayMethod; n: number }>`
    SELECT method, SUM(amount_fen) AS n FROM fee_refunds WHERE shift_id = ${shiftId} GROUP BY method`.execute(db);
  for (const r of refunds.rows) expected[r.method] -= Number(r.n);
  return { expected, floatFen };
}

export async function lastCountOf(db: Db, shiftId: string) {
  return db
    .selectFrom('drawer_counts')
    .leftJoin('staff as approver', 'approver.id', 'drawer_counts.approver')
    .selectAll('drawer_counts')
    .select('approver.name as approver_name')
    .where('shift_id', '=', shiftId)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface ReceiptSummaryRow extends ReceiptRow {
  actor_name: string | null;
}

/** A desk's receipts issued in [fromIso, toIso), with the cashier's name. */
export async function receiptsOfDesk(db: Db, deviceId: string, fromIso: string, toIso: string): Promise<ReceiptSummaryRow[]> {
  return db
    .selectFrom('fee_receipts')
    .leftJoin('staff', 'staff.id', 'fee_receipts.actor')
    .selectAll('fee_receipts')
    .select('staff.name as actor_name')
    .where('device_id', '=', deviceId)
    .where('issued_at', '>=', fromIso)
    .where('issued_at', '<', toIso)
    .orderBy('issued_at')
    .execute();
}

/** Payments by method and lines by item of a desk's receipts (not voided) in [fromIso, toIso), per cashier. */
export async function dailyTotals(db: Db, deviceId: string, fromIso: string, toIso: string) {
  const methods = await sql<{ actor: string; method: PayMethod; n: number }>`
    SELECT r.actor, p.method, SUM(p.amount_fen) AS n FROM fee_receipts r JOIN fee_receipt_payments p ON p.receipt_id = r.id
    WHERE r.device_id = ${deviceId} AND r.issued_at >= ${fromIso} AND r.issued_at < ${toIso} AND r.voided_at IS NULL
    GROUP BY r.actor, p.method`.execute(db);
  const items = await sql<{ item: string; n: number }>`
    SELECT l.item, SUM(l.amount_fen) AS n FROM fee_receipts r JOIN fee_receipt_lines l ON l.receipt_id = r.id
    WHERE r.device_id = ${deviceId} AND r.issued_at >= ${fromIso} AND r.issued_at < ${toIso} AND r.voided_at IS NULL
    GROUP BY l.item`.execute(db);
  return { methods: methods.rows, items: items.rows };
}

export interface ArrearsUnitRow {
  unit_id: string;
  unit_code: string;
  amount_fen: number;
  oldest: string;
  months: number;
}

/** Units with unpaid charges for months before `currentPeriod`, with the oldest month and the count. */
export async function arrearsByUnit(db: Db, currentPeriod: string): Promise<ArrearsUnitRow[]> {
  const r = await sql<ArrearsUnitRow>`
    SELECT c.unit_id, c.unit_code, SUM(c.amount_fen) AS amount_fen, MIN(c.period) AS oldest,
      COUNT(DISTINCT c.period) AS months
    FROM fee_charges c
    WHERE c.period < ${currentPeriod}
      AND NOT EXISTS (SELECT 1 FROM fee_receipt_lines l JOIN fee_receipts r ON r.id = l.receipt_id
        WHERE l.charge_id = c.id AND r.voided_at IS NULL)
    GROUP BY c.unit_id, c.unit_code ORDER BY oldest, c.unit_code`.execute(db);
  return r.rows.map((x) => ({ ...x, amount_fen: Number(x.amount_fen), months: Number(x.months) }));
}

/** The month's charges, each with whether a receipt (not voided) paid it: what the collection rates are taken over. */
export async function monthCharges(
  db: Db,
  period: string,
): Promise<{ unitId: string; item: FeeItemCode; amountFen: number; paid: boolean }[]> {
  const r = await sql<{ unit_id: string; item: FeeItemCode; amount_fen: number; paid: number }>`
    SELECT c.unit_id, c.item, c.amount_fen,
      EXISTS (SELECT 1 FROM fee_receipt_lines l JOIN fee_receipts r ON r.id = l.receipt_id
        WHERE l.charge_id = c.id AND r.voided_at IS NULL) AS paid
    FROM fee_charges c WHERE c.period = ${period}`.execute(db);
  return r.rows.map((c) => ({ unitId: c.unit_id, item: c.item, amountFen: Number(c.amount_fen), paid: Number(c.paid) === 1 }));
}

/** First phone reminder per unit (the demand letter is due three months after it). */
export async function firstPhoneReminders(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('fee_reminders')
    .select(['unit_id', (eb) => eb.fn.min<string>('at').as('first')])
    .where('channel', '=', 'phone')
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.first]));
}

export async function reminderCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('fee_reminders')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
