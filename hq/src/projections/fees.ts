import { sql } from 'kysely';
import type { Projection } from './types.js';
import { keepWhole } from './keepWhole.js';
import { closeRecord } from './closing.js';

/** Drawer and reminder events are kept whole for HQ's reports; the desk's shift owns their meaning. */
const note = keepWhole('hq_fee_events');

/**
 * Fees at HQ: charges and refunds are facts; a receipt is checked (its number is unique within its
 * site — numbers carry the site and desk codes, which HQ checks against the pushing device); a void closes the
 * receipt and, of two voids, the earlier by HLC wins and the later is flagged.
 */
export const feesProjection: Projection = {
  name: 'fees',
  async up(db) {
    await sql`
      CREATE TABLE hq_fee_charges (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        unit_code text NOT NULL, item text NOT NULL, period text NOT NULL, amount_fen bigint NOT NULL)`.execute(db);
    await sql`
      CREATE TABLE hq_receipts (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        receipt_no text NOT NULL UNIQUE, unit_code text NOT NULL, payer text NOT NULL, total_fen bigint NOT NULL,
        methods jsonb NOT NULL, issued_at text NOT NULL, status text NOT NULL, voided_at text, void_reason text,
        close_hlc text, close_event_id text)`.execute(db);
    await sql`CREATE INDEX hq_receipts_site ON hq_receipts (site_id, issued_at)`.execute(db);
    await sql`
      CREATE TABLE hq_fee_refunds (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        unit_code text NOT NULL, amount_fen bigint NOT NULL, method text NOT NULL, at text NOT NULL)`.execute(db);
    await sql`
      CREATE TABLE hq_fee_events (event_id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        type text NOT NULL, data jsonb NOT NULL)`.execute(db);
  },
  facts: {
    async ChargesRaised(trx, siteId, events) {
      const values = events.flatMap((e) =>
        e.payload.charges.map(
          (c) => sql`(${c.chargeId}, ${siteId}, ${e.deviceId}, ${c.unitCode}, ${c.item}, ${c.period}, ${c.amountFen})`,
        ),
      );
      if (values.length === 0) return;
      await sql`INSERT INTO hq_fee_charges (id, site_id, device_id, unit_code, item, period, amount_fen)
        VALUES ${sql.join(values)} ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
    async RefundIssued(trx, siteId, events) {
      const values = events.map(
        ({ deviceId, payload: p }) =>
          sql`(${p.refundId}, ${siteId}, ${deviceId}, ${p.unit.unitCode}, ${p.amountFen}, ${p.method}, ${p.at})`,
      );
      await sql`INSERT INTO hq_fee_refunds (id, site_id, device_id, unit_code, amount_fen, method, at)
        VALUES ${sql.join(values)} ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
    DrawerFloatSet: note,
    CashMoved: note,
    CashMoveReversed: note,
    DrawerCounted: note,
    ReminderRecorded: note,
  },
  checked: {
    async PaymentReceived(trx, siteId, { deviceId, payload: p }) {
      const { rows } = await sql<{ id: string }>`
        SELECT id FROM hq_receipts WHERE site_id = ${siteId} AND receipt_no = ${p.receiptNo}`.execute(trx);
      const [same] = rows;
      if (same) return same.id === p.receiptId ? null : 'duplicate_receipt_no';
      const inserted =
        await sql`INSERT INTO hq_receipts (id, site_id, device_id, receipt_no, unit_code, payer, total_fen, methods, issued_at, status)
        VALUES (${p.receiptId}, ${siteId}, ${deviceId}, ${p.receiptNo}, ${p.unit.unitCode}, ${p.payer}, ${p.totalFen},
          ${JSON.stringify(p.methods)}::jsonb, ${p.issuedAt}, 'issued')
        ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
      // Another receipt (any site) already has this id: this one would never be projected.
      return Number(inserted.numAffectedRows ?? 0) === 1 ? null : 'duplicate_receipt_id';
    },
    ReceiptVoided: (trx, siteId, e) =>
      closeRecord(trx, 'hq_receipts', 'receipt', siteId, e.payload.receiptId, e, {
        status: 'voided',
        voided_at: e.payload.at,
        void_reason: e.payload.reason,
      }),
  },
};
