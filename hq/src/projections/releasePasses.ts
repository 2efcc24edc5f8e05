import { sql } from 'kysely';
import type { Projection } from './types.js';
import { closeRecord } from './closing.js';

/** Release passes at HQ: issue is a fact; a release or cancel closes the pass (earlier HLC wins). */
export const releasePassesProjection: Projection = {
  name: 'release_passes',
  async up(db) {
    await sql`
      CREATE TABLE hq_release_passes (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL,
        pass_no text NOT NULL, issued_at text NOT NULL, status text NOT NULL, closed_at text, close_hlc text,
        close_event_id text, unit_code text NOT NULL)`.execute(db);
  },
  facts: {
    async ReleasePassIssued(trx, siteId, events) {
      const values = events.map(
        (e) =>
          sql`(${e.payload.passId}, ${siteId}, ${e.deviceId}, ${e.payload.passNo}, ${e.payload.issuedAt}, 'issued', ${e.payload.unit.unitCode})`,
      );
      await sql`INSERT INTO hq_release_passes (id, site_id, device_id, pass_no, issued_at, status, unit_code)
        VALUES ${sql.join(values)} ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
    // A refusal leaves the pass open: nothing to project beyond the event itself.
    async ReleasePassRefused() {},
  },
  checked: {
    ReleasePassReleased: (trx, siteId, e) =>
      closeRecord(trx, 'hq_release_passes', 'release_pass', siteId, e.payload.passId, e, {
        status: 'released',
        closed_at: e.payload.at,
      }),
    ReleasePassCancelled: (trx, siteId, e) =>
      closeRecord(trx, 'hq_release_passes', 'release_pass', siteId, e.payload.passId, e, {
        status: 'cancelled',
        closed_at: e.payload.at,
      }),
  },
};
