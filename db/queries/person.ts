import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { isSamePerson, type PersonMatch } from '../../shared/domain/personErasure.js';

type Db = Kysely<Database>;

/**
 * Everything this desk's database holds on one person, by kind (the site's records: every desk pulls
 * every desk's). Candidates are found by the exact name (indexed columns are not needed at this
 * volume: a manager asks a few times a year), then kept only where phone or ID number agree.
 */
export async function personHoldings(db: Db, c: PersonMatch) {
  const name = c.name.trim();
  const visits = (
    await db
      .selectFrom('visits')
      .select(['id', 'pass_no', 'checked_in_at', 'host_unit_code', 'phone_hash', 'id_hash'])
      .where('visitor_name', '=', name)
      .orderBy('checked_in_at')
      .execute()
  ).filter((v) => isSamePerson({ name, phone: '', phoneHash: v.phone_hash, idHash: v.id_hash }, c));
  const passes = (
    await db
      .selectFrom('release_passes')
      .select(['id', 'pass_no', 'issued_at', 'unit_code', 'applicant_phone', 'id_hash'])
      .where('applicant_name', '=', name)
      .orderBy('issued_at')
      .execute()
  ).filter((p) => isSamePerson({ name, phone: p.applicant_phone, idHash: p.id_hash }, c));
  const tickets = (
    await db
      .selectFrom('tickets')
      .select(['id', 'ticket_no', 'opened_at', 'unit_code', 'customer_phone', 'anonymous', 'label'])
      .where('customer_name', '=', name)
      .orderBy('opened_at')
      .execute()
  ).filter((t) => isSamePerson({ name, phone: t.customer_phone }, c));
  // Mail is addressed to an occupant of the directory: the person is the occupant with this name and phone.
  const occupants = (await db.selectFrom('occupants').select(['id', 'phone']).where('name', '=', name).execute())
    .filter((o) => isSamePerson({ name, phone: o.phone }, c))
    .map((o) => o.id);
  const mail = occupants.length
    ? await db
        .selectFrom('mail_items')
        .leftJoin('mail_closings', (j) =>
          j.onRef('mail_closings.item_id', '=', 'mail_items.id').on('mail_closings.kind', '=', 'pickup'),
        )
        .select([
          'mail_items.id',
          'mail_items.register_no',
          'mail_items.received_at',
          'mail_items.carrier',
          'mail_items.recipient_name',
          'mail_closings.signer_name',
          'mail_closings.at as picked_up_at',
        ])
        .where('mail_items.occupant_id', 'in', occupants)
        .orderBy('mail_items.received_at')
        .execute()
    : [];
  // Receipts are the payer's by name only (no phone on a receipt): those of the units the person's visits
  // or mail do not tell; the name and the person's own units (as an occupant) narrow them.
  const units = occupants.length
    ? (await db.selectFrom('occupants').select('unit_id').where('id', 'in', occupants).execute()).map((o) => o.unit_id)
    : [];
  const receipts = units.length
    ? await db
        .selectFrom('fee_receipts')
        .select(['id', 'receipt_no', 'issued_at', 'unit_code'])
        .where('payer', '=', name)
        .where('unit_id', 'in', units)
        .orderBy('issued_at')
        .execute()
    : [];
  return {
    visits,
    passes,
    tickets,
    mail: mail.filter((m) => m.recipient_name !== ''),
    pickups: mail.filter((m) => m.signer_name === name),
    receipts,
  };
}
export type PersonHoldings = Awaited<ReturnType<typeof personHoldings>>;
