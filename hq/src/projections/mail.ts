import { sql } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import type { HqDb, Projection } from './types.js';
import { keepWhole } from './keepWhole.js';
import { closeRecord } from './closing.js';

const note = keepWhole('hq_mail_events');

const damageValues = (siteId: string, events: DomainEvent<'MailDamageRecorded' | 'MailDamageCorrected'>[]) =>
  events.map(({ payload: p }) => {
    const corrects = 'correctsId' in p ? (p.correctsId as string) : null;
    return sql`(${p.damageId}, ${siteId}, ${p.itemId}, ${p.registerNo}, ${p.what}, ${corrects}, ${p.at})`;
  });

const insertDamage = (trx: HqDb, siteId: string, events: DomainEvent<'MailDamageRecorded' | 'MailDamageCorrected'>[]) =>
  sql`INSERT INTO hq_mail_damage (id, site_id, item_id, register_no, what, corrects_id, recorded_at)
    VALUES ${sql.join(damageValues(siteId, events))} ON CONFLICT (site_id, id) DO NOTHING`
    .execute(trx)
    .then(() => undefined);

/**
 * The mail register at HQ: items received and damage lines are facts; a pickup or a return closes
 * the item (the earlier by HLC wins, the later is flagged — the register answers "who signed last"
 * from the winner); a damage confirmation is checked against the line it confirms.
 */
export const mailProjection: Projection = {
  name: 'mail',
  async up(db) {
    await sql`
      CREATE TABLE hq_mail_items (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        register_no text NOT NULL, tracking_no text NOT NULL, carrier text NOT NULL, kind text NOT NULL,
        unit_code text NOT NULL, recipient_name text NOT NULL, received_at text NOT NULL, status text NOT NULL,
        closed_at text, signer_name text, close_hlc text, close_event_id text)`.execute(db);
    await sql`CREATE INDEX hq_mail_items_tracking ON hq_mail_items (site_id, tracking_no)`.execute(db);
    await sql`
      CREATE TABLE hq_mail_damage (id text PRIMARY KEY, site_id text NOT NULL, item_id text NOT NULL,
        register_no text NOT NULL, what text NOT NULL, corrects_id text, recorded_at text NOT NULL,
        confirmed_at text, confirmed_by text)`.execute(db);
    await sql`
      CREATE TABLE hq_mail_events (event_id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        type text NOT NULL, data jsonb NOT NULL)`.execute(db);
  },
  facts: {
    async MailReceived(trx, siteId, events) {
      const values = events.map(
        ({ deviceId, payload: p }) =>
          sql`(${p.itemId}, ${siteId}, ${deviceId}, ${p.registerNo}, ${p.trackingNo}, ${p.carrier}, ${p.kind},
            ${p.recipient.unitCode}, ${p.recipient.name}, ${p.receivedAt}, 'on_shelf')`,
      );
      await sql`INSERT INTO hq_mail_items (id, site_id, device_id, register_no, tracking_no, carrier, kind, unit_code,
          recipient_name, received_at, status)
        VALUES ${sql.join(values)} ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
    MailDamageRecorded: insertDamage,
    MailDamageCorrected: insertDamage,
    MailNoticeRecorded: note,
    NewspaperDeliveryCounted: note,
  },
  checked: {
    MailPickedUp: (trx, siteId, e) =>
      closeRecord(trx, 'hq_mail_items', 'mail_item', siteId, e.payload.itemId, e, {
        status: 'picked_up',
        closed_at: e.payload.at,
        signer_name: e.payload.signerName,
      }),
    MailReturned: (trx, siteId, e) =>
      closeRecord(trx, 'hq_mail_items', 'mail_item', siteId, e.payload.itemId, e, {
        status: 'returned',
        closed_at: e.payload.at,
        signer_name: null,
      }),
    // Confirmed once: a second confirmation (another desk's leader) leaves the first standing.
    async MailDamageConfirmed(trx, siteId, { payload: p }) {
      const r = await sql`UPDATE hq_mail_damage SET confirmed_at = ${p.at}, confirmed_by = ${p.confirmedBy}
        WHERE id = ${p.damageId} AND site_id = ${siteId} AND confirmed_at IS NULL`.execute(trx);
      if (Number(r.numAffectedRows ?? 0) > 0) return null;
      const { rows } = await sql`SELECT 1 FROM hq_mail_damage WHERE id = ${p.damageId} AND site_id = ${siteId}`.execute(trx);
      return rows.length ? null : 'unknown_damage';
    },
  },
};
