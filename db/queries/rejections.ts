import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface Identity {
  kind: 'visit' | 'pass' | 'receipt' | 'ticket' | 'mail' | 'staff' | 'unit';
  label: string;
}

/**
 * The record a rejected event was about, as a person at the desk knows it (visitor and pass number,
 * receipt number, ticket number, register number, a colleague's name) — read from the desk's own
 * tables by the ids in the event's payload, so the list never shows a UUID.
 */
export async function identityOf(db: Db, payload: Record<string, unknown>): Promise<Identity | null> {
  const id = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : null);
  const visitId = id('visitId');
  if (visitId) {
    const v = await db.selectFrom('visits').select(['visitor_name', 'pass_no']).where('id', '=', visitId).executeTakeFirst();
    if (v) return { kind: 'visit', label: `${v.visitor_name} · ${v.pass_no}` };
  }
  const passId = id('passId');
  if (passId) {
    const p = await db.selectFrom('release_passes').select('pass_no').where('id', '=', passId).executeTakeFirst();
    if (p) return { kind: 'pass', label: p.pass_no };
  }
  const receiptNo = id('receiptNo');
  if (receiptNo) return { kind: 'receipt', label: receiptNo };
  const ticketId = id('ticketId');
  if (ticketId) {
    const t = await db.selectFrom('tickets').select(['ticket_no', 'unit_code']).where('id', '=', ticketId).executeTakeFirst();
    if (t) return { kind: 'ticket', label: `${t.ticket_no} · ${t.unit_code}` };
  }
  const itemId = id('itemId');
  if (itemId) {
    const m = await db
      .selectFrom('mail_items')
      .select(['register_no', 'recipient_name'])
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (m) return { kind: 'mail', label: `${m.register_no} · ${m.recipient_name}` };
  }
  if (id('registerNo')) return { kind: 'mail', label: id('registerNo')! };
  const staffId = id('staffId');
  if (staffId) {
    const s = await db.selectFrom('staff').select(['name', 'staff_no']).where('id', '=', staffId).executeTakeFirst();
    if (s) return { kind: 'staff', label: `${s.name} · ${s.staff_no}` };
  }
  const unit = payload.unit as { unitCode?: string } | undefined;
  if (unit?.unitCode) return { kind: 'unit', label: unit.unitCode };
  return null;
}

/** Rejections a leader marked handled, by the rejected event's id (the first note by HLC counts). */
export async function handledRejections(db: Db) {
  const rows = await db
    .selectFrom('events')
    .leftJoin('staff', 'staff.id', 'events.actor')
    .select([
      sql<string>`json_extract(events.payload, '$.eventId')`.as('eventId'),
      sql<string>`json_extract(events.payload, '$.note')`.as('note'),
      sql<string>`json_extract(events.payload, '$.at')`.as('at'),
      'staff.name as byName',
    ])
    .where('events.type', '=', 'RejectionHandled')
    .orderBy('events.hlc')
    .execute();
  const first = new Map<string, { note: string; byName: string; at: string }>();
  for (const r of rows) if (!first.has(r.eventId)) first.set(r.eventId, { note: r.note, byName: r.byName ?? '', at: r.at });
  return first;
}
