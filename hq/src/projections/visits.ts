import { sql } from 'kysely';
import type { Projection } from './types.js';
import { closeRecord } from './closing.js';
import { notBefore } from '../../../shared/domain/clock.js';

/** Visits at HQ: check-ins are facts; check-outs and end-of-day closes are closing events. */
export const visitsProjection: Projection = {
  name: 'visits',
  async up(db) {
    await sql`
      CREATE TABLE hq_visits (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL, pass_no text NOT NULL,
        checked_in_at text NOT NULL, status text NOT NULL, checked_out_at text, checkout_method text,
        host_unit_code text NOT NULL, visitor_name text NOT NULL, close_hlc text, close_event_id text)`.execute(db);
    await sql`CREATE INDEX hq_visits_site ON hq_visits (site_id, checked_in_at)`.execute(db);
  },
  facts: {
    async VisitorCheckedIn(trx, siteId, events) {
      // The full payload stays in the event table; the projection keeps what HQ lists and counts by.
      const values = events.map(
        ({ deviceId, payload: p }) =>
          sql`(${p.visitId}, ${siteId}, ${deviceId}, ${p.passNo}, ${p.checkedInAt}, 'on_site', ${p.host.unitCode}, ${p.visitor.name})`,
      );
      await sql`INSERT INTO hq_visits (id, site_id, device_id, pass_no, checked_in_at, status, host_unit_code, visitor_name)
        VALUES ${sql.join(values)} ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
  },
  checked: {
    // A check-out beats an end-of-day close (the slip came back); of two check-outs the earlier HLC wins.
    async VisitorCheckedOut(trx, siteId, e) {
      const { rows } = await sql<{
        status: string;
        checked_in_at: string;
      }>`SELECT status, checked_in_at FROM hq_visits WHERE id = ${e.payload.visitId} AND site_id = ${siteId}`.execute(trx);
      if (rows[0]?.status === 'not_returned') {
        await sql`UPDATE hq_visits SET close_hlc = NULL, close_event_id = NULL WHERE id = ${e.payload.visitId} AND site_id = ${siteId}`.execute(
          trx,
        );
      }
      return closeRecord(trx, 'hq_visits', 'visit', siteId, e.payload.visitId, e, {
        status: 'checked_out',
        // Never before the check-in (a desk clock behind the check-in desk's): no negative stay at HQ either.
        checked_out_at: rows[0] ? notBefore(e.payload.at, rows[0].checked_in_at) : e.payload.at,
        checkout_method: e.payload.method,
      });
    },
    async VisitAutoClosed(trx, siteId, e) {
      const { rows } = await sql<{ status: string; close_hlc: string | null }>`
        SELECT status, close_hlc FROM hq_visits WHERE id = ${e.payload.visitId} AND site_id = ${siteId}`.execute(trx);
      const [r] = rows;
      if (!r) return 'unknown_visit';
      if (r.status === 'on_site' || (r.status === 'not_returned' && e.hlc < r.close_hlc!)) {
        await sql`UPDATE hq_visits SET status = 'not_returned', checked_out_at = ${e.payload.at}, checkout_method = 'auto',
          close_hlc = ${e.hlc}, close_event_id = ${e.id} WHERE id = ${e.payload.visitId} AND site_id = ${siteId}`.execute(trx);
      }
      return null;
    },
  },
};
