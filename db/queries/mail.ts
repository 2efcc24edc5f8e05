import type { Kysely, Selectable } from 'kysely';
import type { Database, MailClosingsTable, MailDamageTable, MailItemsTable, NewspaperCountsTable } from '../schema.js';

type Db = Kysely<Database>;
export type MailItemRow = Selectable<MailItemsTable> & { received_by_name: string | null; signer_name: string | null };
export type MailDamageRow = Selectable<MailDamageTable> & {
  received_by_name: string | null;
  recorded_by_name: string | null;
  confirmed_by_name: string | null;
};
export type MailClosingRow = Selectable<MailClosingsTable> & { by_name: string | null; reviewed_by_name: string | null };
export type NewspaperCountRow = Selectable<NewspaperCountsTable> & { by_name: string | null };

/** Items with who received them and who signed for them last (the hand-over the item shows). */
const items = (db: Db) =>
  db
    .selectFrom('mail_items as m')
    .leftJoin('staff as r', 'r.id', 'm.received_by')
    .leftJoin('mail_closings as c', 'c.id', 'm.closing_event_id')
    .selectAll('m')
    .select(['r.name as received_by_name', 'c.signer_name as signer_name']);

export async function itemById(db: Db, id: string): Promise<MailItemRow | undefined> {
  return items(db).where('m.id', '=', id).executeTakeFirst();
}

/** Every item ever registered under a tracking number, newest first: one index range. */
export async function itemsByTracking(db: Db, trackingNo: string): Promise<MailItemRow[]> {
  return items(db).where('m.tracking_no', '=', trackingNo).orderBy('m.received_at', 'desc').limit(20).execute();
}

export async function onShelfByTracking(db: Db, trackingNo: string): Promise<{ id: string; register_no: string } | undefined> {
  return db
    .selectFrom('mail_items')
    .select(['id', 'register_no'])
    .where('tracking_no', '=', trackingNo)
    .where('status', '=', 'on_shelf')
    .executeTakeFirst();
}

/** Waiting at the desk, by unit then age; `forwarding` picks the moved-out residents' cabinet. */
export async function onShelf(db: Db, forwarding: boolean, limit = 500): Promise<MailItemRow[]> {
  return items(db)
    .where('m.status', '=', 'on_shelf')
    .where('m.forward_until', forwarding ? 'is not' : 'is', null)
    .orderBy('m.unit_code')
    .orderBy('m.received_at')
    .limit(limit)
    .execute();
}

/** Unclaimed since before `beforeIso` (the configured days): for the supervisor's review. */
export async function returnsDue(db: Db, beforeIso: string): Promise<MailItemRow[]> {
  return items(db)
    .where('m.status', '=', 'on_shelf')
    .where('m.received_at', '<=', beforeIso)
    .where('m.kind', '!=', 'newspaper')
    .orderBy('m.received_at')
    .limit(500)
    .execute();
}

export async function returned(db: Db, sinceIso: string): Promise<MailItemRow[]> {
  return items(db)
    .where('m.status', '=', 'returned')
    .where('m.closed_at', '>=', sinceIso)
    .orderBy('m.closed_at', 'desc')
    .limit(500)
    .execute();
}

export async function searchItems(
  db: Db,
  f: { trackingNo: string; unit: string; fromIso?: string; toIso?: string; limit: number },
): Promise<MailItemRow[]> {
  let q = items(db);
  if (f.trackingNo) q = q.where('m.tracking_no', '>=', f.trackingNo).where('m.tracking_no', '<', `${f.trackingNo}\uffff`);
  if (f.unit) q = q.where('m.unit_code', '>=', f.unit).where('m.unit_code', '<', `${f.unit}\uffff`);
  if (f.fromIso) q = q.where('m.received_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('m.received_at', '<', f.toIso);
  return q.orderBy('m.received_at', 'desc').limit(f.limit).execute();
}

export async function batchCount(db: Db, batchId: string): Promise<number> {
  const r = await db
    .selectFrom('mail_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const damage = (db: Db) =>
  db
    .selectFrom('mail_damage as d')
    .leftJoin('staff as r', 'r.id', 'd.received_by')
    .leftJoin('staff as w', 'w.id', 'd.recorded_by')
    .leftJoin('staff as c', 'c.id', 'd.confirmed_by')
    .selectAll('d')
    .select(['r.name as received_by_name', 'w.name as recorded_by_name', 'c.name as confirmed_by_name']);

export async function damageById(db: Db, id: string): Promise<MailDamageRow | undefined> {
  return damage(db).where('d.id', '=', id).executeTakeFirst();
}

export async function damageOfItem(db: Db, itemId: string): Promise<MailDamageRow[]> {
  return damage(db).where('d.item_id', '=', itemId).orderBy('d.recorded_at').orderBy('d.register_no').execute();
}

export async function unconfirmedDamage(db: Db): Promise<MailDamageRow[]> {
  return damage(db).where('d.confirmed_at', 'is', null).orderBy('d.recorded_at').limit(500).execute();
}

export async function closingsOf(db: Db, itemId: string): Promise<MailClosingRow[]> {
  return db
    .selectFrom('mail_closings as c')
    .leftJoin('staff as s', 's.id', 'c.actor')
    .leftJoin('staff as v', 'v.id', 'c.reviewed_by')
    .selectAll('c')
    .select(['s.name as by_name', 'v.name as reviewed_by_name'])
    .where('c.item_id', '=', itemId)
    .orderBy('c.hlc')
    .execute();
}

export async function recentNewspaperCounts(db: Db, sinceIso: string): Promise<NewspaperCountRow[]> {
  return db
    .selectFrom('newspaper_counts as n')
    .leftJoin('staff as s', 's.id', 'n.actor')
    .selectAll('n')
    .select('s.name as by_name')
    .where('n.at', '>=', sinceIso)
    .orderBy('n.at', 'desc')
    .limit(200)
    .execute();
}

export async function attachmentBySha(db: Db, sha256: string) {
  return db.selectFrom('attachments').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** The mail desk's badges: counts read through the partial and range indexes, never whole lists. */
export async function mailCounts(db: Db, dueBeforeIso: string, noticeBeforeIso: string) {
  const n = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const shelf = () =>
    db
      .selectFrom('mail_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'on_shelf');
  return {
    awaiting: await n(shelf().where('forward_until', 'is', null).executeTakeFirst()),
    returnsDue: await n(shelf().where('received_at', '<=', dueBeforeIso).where('kind', '!=', 'newspaper').executeTakeFirst()),
    forwardingNoticesDue: await n(
      shelf()
        .where('forward_until', 'is not', null)
        .where((eb) => eb.or([eb('last_notice_at', 'is', null), eb('last_notice_at', '<=', noticeBeforeIso)]))
        .executeTakeFirst(),
    ),
    damageUnconfirmed: await n(
      db
        .selectFrom('mail_damage')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('confirmed_at', 'is', null)
        .executeTakeFirst(),
    ),
  };
}
