import { sql, type Kysely } from 'kysely';
import type { Applier } from './index.js';
import type { Database } from '../schema.js';
import { BLANK_VISIT, rewriteStoredEvents } from './retention.js';
import { getMeta, setMeta } from '../meta.js';
import { dropSealedFields } from '../queries/sealedFields.js';
import { ERASED_EVENT_KEYS, erasedPayload, type PersonErasedPayload } from '../../shared/domain/personErasure.js';
import { withoutVisitorNames } from '../../shared/domain/retention.js';

type Db = Kysely<Database>;

/** This desk's copies of the person's events, rewritten in place; answers the signatures' picture hashes. */
async function blankEvents(db: Db, e: PersonErasedPayload): Promise<string[]> {
  const ids = { visitIds: e.visitIds, passIds: e.passIds, ticketIds: e.ticketIds, mailItemIds: e.mailItemIds };
  const all = [...new Set([...Object.values(ids).flat(), ...e.pickupItemIds])];
  if (!all.length) return [];
  const types = Object.keys(ERASED_EVENT_KEYS);
  const rows = await sql<{ seq: number; type: string; payload: string }>`
    SELECT seq, type, payload FROM events WHERE type IN (${sql.join(types)}) AND
      coalesce(json_extract(payload, '$.visitId'), json_extract(payload, '$.passId'),
        json_extract(payload, '$.ticketId'), json_extract(payload, '$.itemId')) IN (${sql.join(all)})`.execute(db);
  // Handover sheets naming the person's visits: their lines carry the pass number.
  const sheets = e.visitPassNos.length
    ? await sql<{ seq: number; type: string; payload: string }>`
        SELECT seq, type, payload FROM events WHERE type = 'ShiftClosed' AND (${sql.join(
          e.visitPassNos.map((n) => sql`instr(payload, ${n}) > 0`),
          sql` OR `,
        )})`.execute(db)
    : { rows: [] };
  return rewriteStoredEvents(db, [...rows.rows, ...sheets.rows], (type, old) => erasedPayload(type, old, e));
}

async function blankTables(db: Db, e: PersonErasedPayload, pictures: string[]): Promise<void> {
  if (e.visitIds.length) await db.updateTable('visits').set(BLANK_VISIT).where('id', 'in', e.visitIds).execute();
  if (e.passIds.length)
    await db
      .updateTable('release_passes')
      .set({ applicant_name: '', applicant_phone: '', id_number_masked: '', id_hash: '', plate: '', note: '' })
      .where('id', 'in', e.passIds)
      .execute();
  if (e.ticketIds.length)
    await db.updateTable('tickets').set({ customer_name: '', customer_phone: '' }).where('id', 'in', e.ticketIds).execute();
  if (e.mailItemIds.length)
    await db.updateTable('mail_items').set({ recipient_name: '' }).where('id', 'in', e.mailItemIds).execute();
  for (const passNo of e.visitPassNos) {
    const shifts = await db
      .selectFrom('shifts')
      .select(['id', 'sections'])
      .where(sql<boolean>`instr(sections, ${passNo}) > 0`)
      .execute();
    for (const r of shifts) {
      const sections = JSON.stringify(
        withoutVisitorNames(JSON.parse(r.sections) as Parameters<typeof withoutVisitorNames>[0], [passNo]),
      );
      if (sections !== r.sections) await db.updateTable('shifts').set({ sections }).where('id', '=', r.id).execute();
    }
  }
  if (!e.pickupItemIds.length) return;
  const closings = await db
    .selectFrom('mail_closings')
    .select('signature_sha256')
    .where('item_id', 'in', e.pickupItemIds)
    .where('kind', '=', 'pickup')
    .execute();
  const shas = [...new Set([...pictures, ...closings.flatMap((c) => (c.signature_sha256 ? [c.signature_sha256] : []))])];
  await db
    .updateTable('mail_closings')
    .set({ signer_name: '', typed_name: null, id_number_masked: '', signature_sha256: null })
    .where('item_id', 'in', e.pickupItemIds)
    .where('kind', '=', 'pickup')
    .execute();
  if (shas.length) await db.deleteFrom('attachments').where('sha256', 'in', shas).execute();
}

/** The last erasure this desk applied: the minute's sweep truncates the WAL once after each new one (electron/retention.ts). */
export const lastErasureId = async (db: Db): Promise<string> => (await getMeta(db, 'erasures.last')) ?? '';

/**
 * A person's erasure as every desk applies it, its own or another desk's: the named records and this
 * desk's copies of their events lose the person's personal fields. Idempotent: a second pass finds
 * nothing left to blank. Receipts are not named in the event: they keep the payer (see README 个人信息保护).
 */
export const personErasureAppliers: { PersonErased: Applier<'PersonErased'> } = {
  async PersonErased(db, { payload }) {
    const pictures = await blankEvents(db, payload);
    await blankTables(db, payload, pictures);
    await dropSealedFields(db, payload.visitIds);
    // The last erasure's id, not a count: applying the same event again changes nothing (idempotent).
    await setMeta(db, 'erasures.last', payload.erasureId);
  },
};
