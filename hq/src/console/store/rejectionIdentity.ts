import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';

type Db = Kysely<HqDatabase>;

export interface Identity {
  kind: 'visit' | 'pass' | 'receipt' | 'ticket' | 'mail' | 'staff' | 'unit';
  label: string;
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

async function one<T>(db: Db, q: ReturnType<typeof sql<T>>): Promise<T | undefined> {
  return (await q.execute(db)).rows[0];
}

/**
 * The record a rejected event was about, as people know it — visitor and pass number, receipt number,
 * ticket, register number, a colleague — the desk's identityOf (db/queries/rejections.ts) over HQ's
 * tables. A rejected check-in never reached HQ's visits, so its own payload names the visitor first.
 */
export async function identityAtHq(db: Db, siteId: string, payload: Record<string, unknown>): Promise<Identity | null> {
  const visitor = payload.visitor as { name?: unknown } | undefined;
  if (text(visitor?.name) && text(payload.passNo))
    return { kind: 'visit', label: `${text(visitor?.name)} · ${text(payload.passNo)}` };
  const visitId = text(payload.visitId);
  if (visitId) {
    const v = await one<{ visitor_name: string; pass_no: string }>(
      db,
      sql`SELECT visitor_name, pass_no FROM hq_visits WHERE site_id = ${siteId} AND id = ${visitId}`,
    );
    if (v) return { kind: 'visit', label: `${v.visitor_name} · ${v.pass_no}` };
  }
  const passId = text(payload.passId);
  if (passId) {
    const p = await one<{ pass_no: string }>(
      db,
      sql`SELECT pass_no FROM hq_release_passes WHERE site_id = ${siteId} AND id = ${passId}`,
    );
    if (p) return { kind: 'pass', label: p.pass_no };
  }
  if (text(payload.receiptNo)) return { kind: 'receipt', label: text(payload.receiptNo)! };
  const ticketId = text(payload.ticketId);
  if (ticketId) {
    const t = await one<{ ticket_no: string; unit_code: string }>(
      db,
      sql`SELECT ticket_no, unit_code FROM hq_tickets WHERE site_id = ${siteId} AND id = ${ticketId}`,
    );
    if (t) return { kind: 'ticket', label: `${t.ticket_no} · ${t.unit_code}` };
  }
  const itemId = text(payload.itemId);
  if (itemId) {
    const m = await one<{ register_no: string; recipient_name: string }>(
      db,
      sql`SELECT register_no, recipient_name FROM hq_mail_items WHERE site_id = ${siteId} AND id = ${itemId}`,
    );
    if (m) return { kind: 'mail', label: `${m.register_no} · ${m.recipient_name}` };
  }
  if (text(payload.registerNo)) return { kind: 'mail', label: text(payload.registerNo)! };
  const staffId = text(payload.staffId);
  if (staffId) {
    const s = await one<{ name: string; staff_no: string }>(
      db,
      sql`SELECT name, staff_no FROM hq_staff WHERE site_id = ${siteId} AND staff_id = ${staffId}`,
    );
    if (s) return { kind: 'staff', label: `${s.name} · ${s.staff_no}` };
    if (text(payload.name) && text(payload.staffNo))
      return { kind: 'staff', label: `${text(payload.name)} · ${text(payload.staffNo)}` };
  }
  const unit = payload.unit as { unitCode?: unknown } | undefined;
  if (text(unit?.unitCode)) return { kind: 'unit', label: text(unit?.unitCode)! };
  return null;
}
