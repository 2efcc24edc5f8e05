import { sql } from 'kysely';
import type { Projection } from './types.js';
import { keepWhole } from './keepWhole.js';

/** Shifts, handovers and the post log at HQ: every desk's shifts and entries, for the site's managers. */
const note = keepWhole('hq_shift_events');

export const shiftsProjection: Projection = {
  name: 'shifts',
  async up(db) {
    await sql`
      CREATE TABLE hq_shifts (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL, device_code text NOT NULL,
        opened_at text NOT NULL, closed_at text, signed_by text, abandoned boolean)`.execute(db);
    await sql`
      CREATE TABLE hq_shift_events (event_id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        type text NOT NULL, data jsonb NOT NULL)`.execute(db);
    await sql`
      CREATE TABLE hq_log_entries (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL, at text NOT NULL,
        category text NOT NULL, text text NOT NULL, corrects_id text, resolved_at text, resolution text)`.execute(db);
  },
  facts: {
    async ShiftOpened(trx, siteId, events) {
      const values = events.map(
        (e) => sql`(${e.payload.shiftId}, ${siteId}, ${e.deviceId}, ${e.payload.deviceCode}, ${e.payload.openedAt})`,
      );
      await sql`INSERT INTO hq_shifts (id, site_id, device_id, device_code, opened_at) VALUES ${sql.join(values)}
        ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
    async ShiftClosed(trx, siteId, events) {
      for (const e of events) {
        await sql`UPDATE hq_shifts SET closed_at = ${e.payload.closedAt}, signed_by = ${e.payload.signedBy},
          abandoned = ${e.payload.abandoned} WHERE id = ${e.payload.shiftId} AND site_id = ${siteId}`.execute(trx);
      }
      await note(trx, siteId, events);
    },
    HandoverAcknowledged: note,
    ShiftJoined: note,
    ShiftLeft: note,
    async LogEntryAdded(trx, siteId, events) {
      const values = events.map(
        (e) =>
          sql`(${e.payload.entryId}, ${siteId}, ${e.deviceId}, ${e.payload.at}, ${e.payload.category}, ${e.payload.text}, ${e.payload.correctsId})`,
      );
      await sql`INSERT INTO hq_log_entries (id, site_id, device_id, at, category, text, corrects_id) VALUES ${sql.join(values)}
        ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
  },
  checked: {
    // Resolving an item twice keeps the first resolution by HLC order of arrival at HQ; both stay in the log.
    async LogItemResolved(trx, siteId, e) {
      const r = await sql`UPDATE hq_log_entries SET resolved_at = ${e.payload.at}, resolution = ${e.payload.resolution}
        WHERE id = ${e.payload.entryId} AND site_id = ${siteId} AND resolved_at IS NULL`.execute(trx);
      if (Number(r.numAffectedRows ?? 0) > 0) return null;
      const { rows } = await sql`SELECT 1 FROM hq_log_entries WHERE id = ${e.payload.entryId} AND site_id = ${siteId}`.execute(
        trx,
      );
      return rows.length ? null : 'unknown_log_entry';
    },
  },
};
