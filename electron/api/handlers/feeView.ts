import { deskTime } from '../../../shared/domain/deskTime.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import * as q from '../../../db/queries/fees.js';
import { occupantsOfUnit } from '../../../db/queries/directory.js';
import { maskPhone } from '../../../shared/domain/mask.js';
import { demandLetterDueOn, demandLetterIsDue, type FeeItemCode, type PayMethod } from '../../../shared/domain/fees.js';
import type { ProcOutput } from '../../../shared/api/contract.js';

type Db = Kysely<Database>;
export const currentPeriod = (now: Date) => deskTime(now).format('YYYY-MM');

/**
 * The demand letter (催缴函): due (a Beijing date) three months after the first phone reminder, and
 * whether that day has come. SMS and visits do not start the clock; no phone call, no date.
 */
export function demandLetter(firstPhoneAt: string | undefined, now: Date) {
  const dueOn = firstPhoneAt ? demandLetterDueOn(firstPhoneAt) : null;
  return { demandLetterDue: dueOn, letterDueNow: dueOn !== null && demandLetterIsDue(dueOn, now) };
}

export async function unitRow(db: Db, unitId: string) {
  return db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
}

/** Everything the cashier checks with the payer before taking money (seed 000): who, what is paid, what is due. */
export async function accountOf(db: Db, unitId: string, now: Date): Promise<ProcOutput<'fees:account'> | null> {
  const unit = await unitRow(db, unitId);
  if (!unit) return null;
  const period = currentPeriod(now);
  const charges = await q.chargesOfUnit(db, unitId);
  const reminders = await q.remindersOfUnit(db, unitId);
  const unpaid = charges.filter((c) => !c.paid_receipt_no);
  const dueByMonth = new Map<string, number>();
  for (const c of unpaid) dueByMonth.set(c.period, (dueByMonth.get(c.period) ?? 0) + c.amount_fen);
  const paidMonths = new Set(charges.filter((c) => c.paid_receipt_no).map((c) => c.period));
  for (const m of dueByMonth.keys()) paidMonths.delete(m);
  const firstPhone = reminders.find((r) => r.channel === 'phone')?.at;
  return {
    unitId,
    unitCode: unit.code,
    areaM2: unit.area_m2,
    occupants: (await occupantsOfUnit(db, unitId)).map((o) => ({
      name: o.name,
      role: o.role,
      company: o.company,
      phoneMasked: maskPhone(o.phone),
    })),
    charges: charges.map((c) => toCharge(c, period)),
    balanceFen: await q.unitBalanceFen(db, unitId),
    arrearsFen: unpaid.filter((c) => c.period < period).reduce((n, c) => n + c.amount_fen, 0),
    dueFen: unpaid.filter((c) => c.period <= period).reduce((n, c) => n + c.amount_fen, 0),
    oldestUnpaid: unpaid[0]?.period ?? null,
    monthsPaid: [...paidMonths].sort(),
    monthsDue: [...dueByMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, amountFen]) => ({ period: p, amountFen })),
    reminders: reminders.map((r) => ({ channel: r.channel, at: r.at, outcome: r.outcome, by: r.actor_name ?? '' })),
    ...demandLetter(unpaid.some((c) => c.period < period) ? firstPhone : undefined, now),
    receipts: (await q.receiptsOfUnit(db, unitId, 20)).map(toReceiptSummary),
  };
}

/** A charge as the account shows it; `period` is the current month (earlier months unpaid are arrears). */
export const toCharge = (c: q.ChargeState, period: string): ProcOutput<'fees:account'>['charges'][number] => ({
  chargeId: c.id,
  item: c.item as FeeItemCode,
  period: c.period,
  amountFen: c.amount_fen,
  vacant: c.vacant === 1,
  note: c.note,
  paidReceiptNo: c.paid_receipt_no,
  paidTwice: Number(c.paid_count) > 1,
  overdue: !c.paid_receipt_no && c.period < period,
});

export const toReceiptSummary = (r: q.ReceiptRow) => ({
  id: r.id,
  receiptNo: r.receipt_no,
  issuedAt: r.issued_at,
  totalFen: r.total_fen,
  payer: r.payer,
  voided: r.voided_at !== null,
});

const staffName = async (db: Db, id: string | null) =>
  id ? ((await db.selectFrom('staff').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '') : '';

export async function receiptDetail(db: Db, id: string): Promise<ProcOutput<'fees:receipt'> | null> {
  const r = await q.receiptById(db, id);
  if (!r) return null;
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    payer: r.payer,
    issuedAt: r.issued_at,
    cashier: await staffName(db, r.actor),
    lines: (await q.receiptLines(db, id)).map((l) => ({
      chargeId: l.charge_id,
      item: l.item as FeeItemCode,
      period: l.period,
      amountFen: l.amount_fen,
    })),
    advanceFen: r.advance_fen,
    totalFen: r.total_fen,
    methods: (await q.receiptPayments(db, id)).map((p) => ({
      method: p.method as PayMethod,
      amountFen: p.amount_fen,
      reference: p.reference,
    })),
    tenderedFen: r.tendered_fen,
    changeFen: r.change_fen,
    voided: r.voided_at
      ? {
          at: r.voided_at,
          by: await staffName(db, r.voided_by),
          approver: await staffName(db, r.void_approver),
          reason: r.void_reason ?? '',
        }
      : null,
  };
}
