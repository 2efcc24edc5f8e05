import type { Kysely } from 'kysely';
import type { DomainEvent, EventPayload } from '../../shared/events/catalog.js';
import { firstRow } from '../../shared/domain/rows.js';
import type { Database } from '../schema.js';
import type { Applier } from './index.js';

type Db = Kysely<Database>;

/**
 * Mail. Receipts, notices, damage lines and counts are facts: inserted once by id. Hand-over and
 * return are closing events that may cross in sync (two desks, one item): every one is kept in
 * `mail_closings`, and the item shows the earliest by HLC — the later ones stay, flagged `conflict`.
 * Recomputing from the whole set makes the result the same in whatever order the events arrive.
 */
async function settle(db: Db, itemId: string) {
  const closings = await db.selectFrom('mail_closings').selectAll().where('item_id', '=', itemId).orderBy('hlc').execute();
  const [first, ...later] = closings;
  if (!first) return;
  await db
    .updateTable('mail_items')
    .set({
      status: first.kind === 'pickup' ? 'picked_up' : 'returned',
      closed_at: first.at,
      closed_by: first.actor,
      closing_event_id: first.id,
    })
    .where('id', '=', itemId)
    .execute();
  await db.updateTable('mail_closings').set({ conflict: 0 }).where('id', '=', first.id).execute();
  if (later.length)
    await db
      .updateTable('mail_closings')
      .set({ conflict: 1 })
      .where(
        'id',
        'in',
        later.map((c) => c.id),
      )
      .execute();
}

async function insertDamage(
  db: Db,
  { payload: p, actor, deviceId }: DomainEvent<'MailDamageRecorded'>,
  correctsId: string | null,
) {
  await db
    .insertInto('mail_damage')
    .values({
      id: p.damageId,
      item_id: p.itemId,
      register_no: p.registerNo,
      what: p.what,
      how: JSON.stringify(p.how),
      description: p.description,
      photo_sha256: p.photo?.sha256 ?? null,
      photo_mime: p.photo?.mime ?? null,
      received_by: p.receivedBy,
      recorded_at: p.at,
      recorded_by: actor,
      corrects_id: correctsId,
      confirmed_at: null,
      confirmed_by: null,
      device_id: deviceId,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function insertClosing(
  db: Db,
  e: DomainEvent,
  values: Omit<Database['mail_closings'], 'id' | 'item_id' | 'hlc' | 'actor' | 'conflict' | 'at'>,
  p: { itemId: string; at: string },
) {
  await db
    .insertInto('mail_closings')
    .values({ id: e.id, item_id: p.itemId, hlc: e.hlc, actor: e.actor, at: p.at, conflict: 0, ...values })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await settle(db, p.itemId);
}

export const mailAppliers: {
  MailReceived: Applier<'MailReceived'>;
  MailNoticeRecorded: Applier<'MailNoticeRecorded'>;
  MailDamageRecorded: Applier<'MailDamageRecorded'>;
  MailDamageCorrected: Applier<'MailDamageCorrected'>;
  MailDamageConfirmed: Applier<'MailDamageConfirmed'>;
  MailPickedUp: Applier<'MailPickedUp'>;
  MailReturned: Applier<'MailReturned'>;
  NewspaperDeliveryCounted: Applier<'NewspaperDeliveryCounted'>;
} = {
  async MailReceived(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('mail_items')
      .values({
        id: p.itemId,
        batch_id: p.batchId,
        register_no: p.registerNo,
        carrier: p.carrier,
        tracking_no: p.trackingNo,
        kind: p.kind,
        occupant_id: p.recipient.occupantId,
        unit_id: p.recipient.unitId,
        unit_code: p.recipient.unitCode,
        recipient_name: p.recipient.name,
        company: p.recipient.company,
        location: p.location,
        condition: p.condition,
        forward_until: p.forwardUntil,
        received_at: p.receivedAt,
        received_by: actor,
        duplicate_of: p.duplicateOf,
        device_id: deviceId,
        notice_count: 0,
        last_notice_at: null,
        last_notice_method: null,
        status: 'on_shelf',
        closed_at: null,
        closed_by: null,
        closing_event_id: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // A hand-over pulled from another desk may have arrived before the receipt.
    await settle(db, p.itemId);
  },
  async MailNoticeRecorded(db, { id, payload: p, actor }) {
    await db
      .insertInto('mail_notices')
      .values({ id, item_id: p.itemId, at: p.at, method: p.method, note: p.note, actor })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const notices = await db
      .selectFrom('mail_notices')
      .select(['at', 'method'])
      .where('item_id', '=', p.itemId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const latest = firstRow(notices, 'the notices of a mail item just noticed');
    await db
      .updateTable('mail_items')
      .set({ notice_count: notices.length, last_notice_at: latest.at, last_notice_method: latest.method })
      .where('id', '=', p.itemId)
      .execute();
  },
  async MailDamageRecorded(db, e) {
    await insertDamage(db, e, null);
  },
  async MailDamageCorrected(db, e) {
    await insertDamage(db, e as unknown as DomainEvent<'MailDamageRecorded'>, e.payload.correctsId);
  },
  // Confirmed once: a second confirmation (another leader on another desk) does not overwrite the first.
  async MailDamageConfirmed(db, { payload: p }) {
    await db
      .updateTable('mail_damage')
      .set({ confirmed_at: p.at, confirmed_by: p.confirmedBy })
      .where('id', '=', p.damageId)
      .where('confirmed_at', 'is', null)
      .execute();
  },
  async MailPickedUp(db, e) {
    const p: EventPayload<'MailPickedUp'> = e.payload;
    await insertClosing(
      db,
      e,
      {
        kind: 'pickup',
        signer_name: p.signerName,
        relation: p.relation,
        id_type: p.idType,
        id_number_masked: p.idNumberMasked,
        signature_sha256: p.signature?.sha256 ?? null,
        typed_name: p.typedName,
        reviewed_by: null,
        reason: null,
        days_waited: null,
      },
      p,
    );
  },
  async MailReturned(db, e) {
    const p = e.payload;
    await insertClosing(
      db,
      e,
      {
        kind: 'return',
        signer_name: null,
        relation: null,
        id_type: null,
        id_number_masked: null,
        signature_sha256: null,
        typed_name: null,
        reviewed_by: p.reviewedBy,
        reason: p.reason,
        days_waited: p.daysWaited,
      },
      p,
    );
  },
  async NewspaperDeliveryCounted(db, { payload: p, actor }) {
    await db
      .insertInto('newspaper_counts')
      .values({
        id: p.countId,
        at: p.at,
        carrier: p.carrier,
        title: p.title,
        expected: p.expected,
        received: p.received,
        late: p.late ? 1 : 0,
        note: p.note,
        actor,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
};
