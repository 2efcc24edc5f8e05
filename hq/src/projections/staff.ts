import { sql } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import type { HqDb, Projection } from './types.js';

/**
 * Each site's staff at HQ: number, role and whether they may act, so HQ can judge who a pushed event
 * names as its actor (store/authority.ts). Field groups move only to a later HLC, as on the desks, so
 * two desks editing one person offline end the same here. Checked one by one (never refused here):
 * an event later in the same push may be that person's first act.
 */
const STAFF_TYPES = ['StaffCreated', 'StaffUpdated', 'StaffDisabled', 'StaffEnabled'] as const;
type StaffType = (typeof STAFF_TYPES)[number];

async function project(trx: HqDb, siteId: string, e: DomainEvent<StaffType>): Promise<null> {
  const p = e.payload;
  if (e.type === 'StaffCreated') {
    const c = p as DomainEvent<'StaffCreated'>['payload'];
    await sql`INSERT INTO hq_staff (site_id, staff_id, staff_no, name, role, created_hlc, active, profile_hlc)
      VALUES (${siteId}, ${c.staffId}, ${c.staffNo}, ${c.name}, ${c.role}, ${e.hlc}, true, ${e.hlc})
      ON CONFLICT (site_id, staff_id) DO NOTHING`.execute(trx);
  } else if (e.type === 'StaffUpdated') {
    const u = p as DomainEvent<'StaffUpdated'>['payload'];
    await sql`UPDATE hq_staff SET name = ${u.name}, role = ${u.role}, profile_hlc = ${e.hlc}
      WHERE site_id = ${siteId} AND staff_id = ${u.staffId} AND profile_hlc < ${e.hlc}`.execute(trx);
  } else {
    const active = e.type === 'StaffEnabled';
    await sql`UPDATE hq_staff SET active = ${active}, active_hlc = ${e.hlc}
      WHERE site_id = ${siteId} AND staff_id = ${p.staffId} AND (active_hlc IS NULL OR active_hlc < ${e.hlc})`.execute(trx);
  }
  return null;
}

export const staffProjection: Projection = {
  name: 'staff',
  async up(db) {
    await sql`
      CREATE TABLE hq_staff (site_id text NOT NULL, staff_id text NOT NULL, staff_no text NOT NULL, name text NOT NULL,
        role text NOT NULL, created_hlc text NOT NULL, profile_hlc text NOT NULL, active boolean NOT NULL,
        active_hlc text, PRIMARY KEY (site_id, staff_id))`.execute(db);
    // An HQ upgraded from before this projection already holds staff events: fold them in, in site order.
    const { rows } = await sql<DomainEvent<StaffType> & { site: string }>`
      SELECT site_id AS site, id, hlc, type, payload FROM events
      WHERE status = 'ok' AND type IN (${sql.join(STAFF_TYPES.map((t) => sql`${t}`))})
      ORDER BY site_id, site_version`.execute(db);
    for (const r of rows)
      await project(db, r.site, { ...r, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload });
  },
  checked: { StaffCreated: project, StaffUpdated: project, StaffDisabled: project, StaffEnabled: project },
};
