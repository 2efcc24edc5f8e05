import { sql } from 'kysely';
import type { Projection } from './types.js';
import { rewriteStoredPayload, type StoredEventRow } from './storedPayload.js';
import { ERASED_EVENT_KEYS, erasedPayload } from '../../../shared/domain/personErasure.js';
import { expiredPictures } from '../../../shared/domain/retention.js';

/**
 * A person's erasure at HQ: the same data every desk drops. The projections lose the name, the site's
 * stored events lose the person's fields (rewritten in the push's transaction, as the retention pass
 * does, so a desk pulling later gets them blank) and the person's pickup signatures' bytes are deleted.
 */
type Row = StoredEventRow;

export const personErasureProjection: Projection = {
  name: 'person_erasure',
  // Nothing of its own: it edits the other projections, the event table and the attachments.
  async up() {},
  checked: {
    async PersonErased(trx, siteId, { payload: e }) {
      const none = ['']; // ANY('{}') needs a typed array; a never-matching id keeps the statements simple
      const ids = (a: string[]) => (a.length ? a : none);
      await sql`UPDATE hq_visits SET visitor_name = '' WHERE site_id = ${siteId} AND id = ANY(${ids(e.visitIds)})`.execute(trx);
      await sql`UPDATE hq_tickets SET customer_name = '' WHERE site_id = ${siteId} AND id = ANY(${ids(e.ticketIds)})`.execute(
        trx,
      );
      await sql`UPDATE hq_mail_items SET recipient_name = '' WHERE site_id = ${siteId} AND id = ANY(${ids(e.mailItemIds)})`.execute(
        trx,
      );
      await sql`UPDATE hq_mail_items SET signer_name = '' WHERE site_id = ${siteId} AND id = ANY(${ids(e.pickupItemIds)})
        AND signer_name IS NOT NULL`.execute(trx);
      const all = [...e.visitIds, ...e.passIds, ...e.ticketIds, ...e.mailItemIds, ...e.pickupItemIds];
      const { rows } = await sql<Row>`
        SELECT id, device_id, device_seq, type, payload::text AS payload FROM events WHERE site_id = ${siteId}
          AND type = ANY(${Object.keys(ERASED_EVENT_KEYS)})
          AND coalesce(payload->>'visitId', payload->>'passId', payload->>'ticketId', payload->>'itemId') = ANY(${ids(all)})`.execute(
        trx,
      );
      // Handover sheets naming the person's visits: their lines carry the pass number.
      const { rows: sheets } = await sql<Row>`
        SELECT id, device_id, device_seq, type, payload::text AS payload FROM events WHERE site_id = ${siteId}
          AND type = 'ShiftClosed' AND payload::text LIKE ANY(${e.visitPassNos.length ? e.visitPassNos.map((n) => `%${n}%`) : none})`.execute(
        trx,
      );
      const pictures: string[] = [];
      for (const r of [...rows, ...sheets]) {
        const old = JSON.parse(r.payload) as Record<string, unknown>;
        const blank = erasedPayload(r.type, old, e);
        if (!blank) continue;
        if (r.type === 'MailPickedUp') pictures.push(...expiredPictures(r.type, old));
        await rewriteStoredPayload(trx, siteId, r, blank);
      }
      if (pictures.length)
        await sql`DELETE FROM attachments WHERE site_id = ${siteId} AND sha256 = ANY(${pictures})`.execute(trx);
      return null;
    },
  },
};
