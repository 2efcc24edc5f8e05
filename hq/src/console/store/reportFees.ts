import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import { arrearsAge, PAY_METHODS, type FeeItemCode, type PayMethod } from '../../../../shared/domain/fees.js';
import { collectionRates, type CollectionRates, type MonthCharge } from '../../../../shared/domain/collection.js';
import type { ReportSite } from './reportSites.js';

type Db = Kysely<HqDatabase>;

export interface FeeVoid {
  receiptNo: string;
  amountFen: number;
  issuedAt: string;
  voidedAt: string;
  reason: string;
  voidedBy: string;
  approvedBy: string;
}

export interface FeeFigures {
  /** Receipts issued in the month (voided ones included) and of them voided since. */
  receipts: number;
  voided: number;
  /** Collected in the month by receipts that stand: in total, per method, per item. */
  collectedFen: number;
  byMethod: Record<PayMethod, number>;
  byItem: { item: FeeItemCode; amountFen: number }[];
  /** The month's collection rates (property by units and by amount, all items by amount). */
  collection: CollectionRates;
  /** Units owing for months before this one, by the age of their oldest unpaid month, and what they owe. */
  arrears: { one: number; two: number; threePlus: number; units: number; amountFen: number };
}

export interface SiteFees extends FeeFigures {
  siteId: string;
  /** Receipts voided in the month, with the reason, who voided and who approved. */
  voids: FeeVoid[];
}

const zeroMethods = (): Record<PayMethod, number> =>
  Object.fromEntries(PAY_METHODS.map((m) => [m, 0])) as Record<PayMethod, number>;

interface ChargeRow {
  site_id: string;
  unit_code: string;
  item: FeeItemCode;
  period: string;
  amount_fen: string;
  paid: boolean;
}

/** Charges up to the month, each with whether a receipt that stands paid it (the desk's monthCharges / arrearsByUnit). */
const chargesUpTo = (db: Db, siteIds: string[], month: string) =>
  sql<ChargeRow>`
    WITH paid AS (
      SELECT DISTINCT e.site_id, l->>'chargeId' AS charge_id
      FROM events e CROSS JOIN LATERAL json_array_elements(e.payload->'lines') l
      JOIN hq_receipts r ON r.site_id = e.site_id AND r.id = e.payload->>'receiptId'
      WHERE e.type = 'PaymentReceived' AND e.status = 'ok' AND r.status <> 'voided' AND e.site_id IN (${sql.join(siteIds)}))
    SELECT c.site_id, c.unit_code, c.item, c.period, c.amount_fen, (p.charge_id IS NOT NULL) AS paid
    FROM hq_fee_charges c LEFT JOIN paid p ON p.site_id = c.site_id AND p.charge_id = c.id
    WHERE c.site_id IN (${sql.join(siteIds)}) AND c.period <= ${month}`
    .execute(db)
    .then((r) => r.rows);

interface ReceiptRow {
  site_id: string;
  status: string;
  total_fen: string;
  methods: { method: PayMethod; amountFen: number }[];
  lines: { item: FeeItemCode; amountFen: number }[] | null;
}

/** Receipts issued in each site's month, with their payment split and their lines. */
async function receiptsIn(db: Db, sites: ReportSite[]): Promise<ReceiptRow[]> {
  const bounds = sites.map((s) => sql`(r.site_id = ${s.siteId} AND r.issued_at >= ${s.fromIso} AND r.issued_at < ${s.toIso})`);
  const { rows } = await sql<ReceiptRow>`
    SELECT r.site_id, r.status, r.total_fen, r.methods, e.payload->'lines' AS lines
    FROM hq_receipts r LEFT JOIN events e ON e.site_id = r.site_id AND e.type = 'PaymentReceived' AND e.status = 'ok'
      AND e.payload->>'receiptId' = r.id
    WHERE ${sql.join(bounds, sql` OR `)}`.execute(db);
  return rows;
}

async function voidsIn(db: Db, sites: ReportSite[]): Promise<(FeeVoid & { siteId: string })[]> {
  const bounds = sites.map((s) => sql`(r.site_id = ${s.siteId} AND r.voided_at >= ${s.fromIso} AND r.voided_at < ${s.toIso})`);
  const { rows } = await sql<{
    site_id: string;
    receipt_no: string;
    total_fen: string;
    issued_at: string;
    voided_at: string;
    void_reason: string | null;
    voided_by: string | null;
    approved_by: string | null;
  }>`
    SELECT r.site_id, r.receipt_no, r.total_fen, r.issued_at, r.voided_at, r.void_reason,
      actor.name AS voided_by, approver.name AS approved_by
    FROM hq_receipts r
      LEFT JOIN events e ON e.id = r.close_event_id AND e.status = 'ok'
      LEFT JOIN hq_staff actor ON actor.site_id = r.site_id AND actor.staff_id = e.actor
      LEFT JOIN hq_staff approver ON approver.site_id = r.site_id AND approver.staff_id = e.payload->>'approvedBy'
    WHERE r.status = 'voided' AND (${sql.join(bounds, sql` OR `)})
    ORDER BY r.voided_at, r.receipt_no`.execute(db);
  return rows.map((r) => ({
    siteId: r.site_id,
    receiptNo: r.receipt_no,
    amountFen: Number(r.total_fen),
    issuedAt: r.issued_at,
    voidedAt: r.voided_at,
    reason: r.void_reason ?? '',
    voidedBy: r.voided_by ?? '',
    approvedBy: r.approved_by ?? '',
  }));
}

/** The figures of one set of charges and receipts (a site, or every site of the report together). */
export function feeFigures(charges: ChargeRow[], receipts: ReceiptRow[], month: string): FeeFigures {
  const byMethod = zeroMethods();
  const items = new Map<FeeItemCode, number>();
  for (const r of receipts) {
    if (r.status === 'voided') continue;
    for (const m of r.methods) byMethod[m.method] += m.amountFen;
    for (const l of r.lines ?? []) items.set(l.item, (items.get(l.item) ?? 0) + l.amountFen);
  }
  const unitKey = (c: ChargeRow) => `${c.site_id}/${c.unit_code}`;
  const monthCharges: MonthCharge[] = charges
    .filter((c) => c.period === month)
    .map((c) => ({ unitId: unitKey(c), item: c.item, amountFen: Number(c.amount_fen), paid: c.paid }));
  const owing = new Map<string, { oldest: string; fen: number }>();
  for (const c of charges) {
    if (c.paid || c.period >= month) continue;
    const o = owing.get(unitKey(c)) ?? { oldest: c.period, fen: 0 };
    o.fen += Number(c.amount_fen);
    if (c.period < o.oldest) o.oldest = c.period;
    owing.set(unitKey(c), o);
  }
  const arrears = { one: 0, two: 0, threePlus: 0, units: owing.size, amountFen: 0 };
  for (const o of owing.values()) {
    const age = arrearsAge(o.oldest, month);
    if (age === 1) arrears.one++;
    else if (age === 2) arrears.two++;
    else if (age === 3) arrears.threePlus++;
    arrears.amountFen += o.fen;
  }
  return {
    receipts: receipts.length,
    voided: receipts.filter((r) => r.status === 'voided').length,
    collectedFen: Object.values(byMethod).reduce((a, b) => a + b, 0),
    byMethod,
    byItem: [...items].map(([item, amountFen]) => ({ item, amountFen })).sort((a, b) => (a.item < b.item ? -1 : 1)),
    collection: collectionRates(monthCharges),
    arrears,
  };
}

/**
 * The month's fees per site and over all of them: what the desks collected (receipts that stand, as the
 * desk's daily report counts them), the collection rates and arrears ageing by the desk's own rules
 * (shared/domain/collection.ts, fees.ts), and the voids with reason and approver.
 */
export async function feesReport(db: Db, sites: ReportSite[], month: string): Promise<{ sites: SiteFees[]; total: FeeFigures }> {
  const ids = sites.map((s) => s.siteId);
  const charges = ids.length ? await chargesUpTo(db, ids, month) : [];
  const receipts = ids.length ? await receiptsIn(db, sites) : [];
  const voids = ids.length ? await voidsIn(db, sites) : [];
  return {
    sites: sites.map((s) => ({
      siteId: s.siteId,
      ...feeFigures(
        charges.filter((c) => c.site_id === s.siteId),
        receipts.filter((r) => r.site_id === s.siteId),
        month,
      ),
      voids: voids.filter((v) => v.siteId === s.siteId).map(({ siteId: _s, ...v }) => v),
    })),
    total: feeFigures(charges, receipts, month),
  };
}
