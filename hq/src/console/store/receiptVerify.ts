import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { HqDatabase } from '../../pg/schema.js';
import type { VerifyReceiptOutput } from '../contract/verify.js';

/** `receiptVerifyRef` (shared/print/receipt.ts) read back: number, total in fen, receipt id, and `/VOID` when printed after the void. */
const REF = /^LDR1\/([^/\s]{1,40})\/(\d{1,15})\/([^/\s]{1,80})(\/VOID)?$/;

/**
 * A receipt by its printed reference. All three parts must match one receipt HQ holds in the caller's
 * sites: a reference with its amount or number altered is unknown, never "the receipt with that id".
 */
export async function verifyReceipt(
  db: Kysely<HqDatabase>,
  ref: string,
  siteIds: string[],
): Promise<z.input<typeof VerifyReceiptOutput>> {
  const m = REF.exec(ref);
  if (!m || siteIds.length === 0) return { status: 'unknown' };
  const [, receiptNo, fen, receiptId, printedVoid] = m;
  const { rows } = await sql<{
    receipt_no: string;
    total_fen: string;
    issued_at: string;
    status: string;
    voided_at: string | null;
    void_reason: string | null;
    site_code: string;
    site_name: string;
    desk_code: string | null;
    voided_by: string | null;
    approved_by: string | null;
  }>`
    SELECT r.receipt_no, r.total_fen, r.issued_at, r.status, r.voided_at, r.void_reason,
      si.code AS site_code, si.name AS site_name, d.code AS desk_code, actor.name AS voided_by, approver.name AS approved_by
    FROM hq_receipts r JOIN sites si ON si.id = r.site_id
      LEFT JOIN devices d ON d.site_id = r.site_id AND d.id = r.device_id
      LEFT JOIN events e ON e.id = r.close_event_id AND e.status = 'ok'
      LEFT JOIN hq_staff actor ON actor.site_id = r.site_id AND actor.staff_id = e.actor
      LEFT JOIN hq_staff approver ON approver.site_id = r.site_id AND approver.staff_id = e.payload->>'approvedBy'
    WHERE r.id = ${receiptId} AND r.receipt_no = ${receiptNo} AND r.total_fen = ${Number(fen)}
      AND r.site_id IN (${sql.join(siteIds)})`.execute(db);
  const r = rows[0];
  if (!r) return { status: 'unknown' };
  const issued = {
    receiptNo: r.receipt_no,
    amountFen: Number(r.total_fen),
    siteCode: r.site_code,
    siteName: r.site_name,
    deskCode: r.desk_code,
    issuedAt: r.issued_at,
  };
  if (r.status === 'voided')
    return {
      status: 'voided',
      ...issued,
      voidedAt: r.voided_at,
      reason: r.void_reason,
      voidedBy: r.voided_by,
      approvedBy: r.approved_by,
    };
  if (printedVoid) return { status: 'voided', ...issued, voidedAt: null, reason: null, voidedBy: null, approvedBy: null };
  return { status: 'genuine', ...issued };
}
