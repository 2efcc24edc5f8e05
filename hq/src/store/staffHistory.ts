import { sql, type Kysely } from 'kysely';
import type { Role } from '../../../shared/domain/staff.js';
import type { HqDatabase } from '../pg/schema.js';

/** One person of a site as HQ's accepted events describe them (folded in HLC order, as the desks' appliers do). */
export interface StaffAtHq {
  staffId: string;
  staffNo: string;
  name: string;
  role: Role;
  active: boolean;
  /** A PIN HQ accepted for them (created with, changed to, reset to), latest by HLC. */
  pinHash: string;
  /** The latest HLC of any accepted event about them: an HQ change must order after it. */
  lastHlc: string;
}

export interface StaffEventRow {
  type: string;
  hlc: string;
  payload: Record<string, unknown>;
}

/** Folds staff events (any order) into people, by HLC; events about a person never created are ignored. */
export function foldStaff(rows: StaffEventRow[]): Map<string, StaffAtHq> {
  const people = new Map<string, StaffAtHq>();
  for (const r of [...rows].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))) {
    const p = r.payload;
    const id = String(p.staffId);
    if (r.type === 'StaffCreated') {
      if (people.has(id)) continue;
      people.set(id, {
        staffId: id,
        staffNo: String(p.staffNo),
        name: String(p.name),
        role: p.role as Role,
        active: true,
        pinHash: String(p.pinHash),
        lastHlc: r.hlc,
      });
      continue;
    }
    const s = people.get(id);
    if (!s) continue;
    s.lastHlc = r.hlc;
    if (r.type === 'StaffUpdated') Object.assign(s, { name: String(p.name), role: p.role as Role });
    else if (r.type === 'StaffDisabled') s.active = false;
    else if (r.type === 'StaffEnabled') s.active = true;
    else if (r.type === 'StaffPinChanged' || r.type === 'StaffPinReset') s.pinHash = String(p.pinHash);
  }
  return people;
}

/** The site's accepted staff events, of one person or of everyone. */
export async function staffEvents(db: Kysely<HqDatabase>, siteId: string, staffId?: string): Promise<StaffEventRow[]> {
  const { rows } = await sql<{ type: string; hlc: string; payload: Record<string, unknown> }>`
    SELECT type, hlc, payload FROM events
    WHERE site_id = ${siteId} AND type LIKE 'Staff%' AND status = 'ok'
      ${staffId === undefined ? sql`` : sql`AND payload->>'staffId' = ${staffId}`}`.execute(db);
  return rows;
}

export async function staffAtHq(db: Kysely<HqDatabase>, siteId: string): Promise<Map<string, StaffAtHq>> {
  return foldStaff(await staffEvents(db, siteId));
}
