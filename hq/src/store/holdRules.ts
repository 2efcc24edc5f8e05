import { sql, type Kysely } from 'kysely';
import { roleAtLeast, type Role } from '../../../shared/domain/staff.js';
import { HQ_DEVICE_ID, type WireEvent } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { foldStaff, staffEvents, type StaffEventRow } from './staffHistory.js';

type Db = Kysely<HqDatabase>;

/** Reasons a desk sees for its event, in its sync rejections list (the detail says why in words). */
export const HELD_REASON = 'held_for_hq';
export const REFUSED_REASON = 'refused_at_hq';

export interface Hold {
  reason: typeof HELD_REASON;
  detail: string;
  status: 'held';
}

const withArticle = (role: string) => (/^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`);
const privileged = (role: Role) => roleAtLeast(role, 'manager') && role !== 'guard';

/**
 * Judges the staff events of one push batch, in order: a privileged change (a manager or admin
 * created or promoted, another person's PIN set, a disabled account enabled, an admin's or manager's
 * PIN changed — HQ cannot tell a forged actor from the person) is held for an HQ administrator.
 * "Privileged" is decided from the payload and HQ's own accepted history, plus the batch's earlier
 * events, which are not stored yet. The one exception: the first admin of a site nobody has pushed
 * staff for, from its first desk — accepted once (the site row is locked for the whole batch).
 */
export function holdChecker(trx: Db, siteId: string, deviceId: string): (e: WireEvent) => Promise<Hold | null> {
  const passed: StaffEventRow[] = [];
  const heldCreations = new Set<string>();
  let createdInBatch = false;
  return async (e) => {
    if (!e.type.startsWith('Staff')) return null;
    const p = e.payload as { staffId: string; role?: Role };
    const why = await whyHeld(e, p);
    if (e.type === 'StaffCreated') createdInBatch = true;
    if (why) {
      if (e.type === 'StaffCreated') heldCreations.add(p.staffId);
      const detail = `${why}; waits for an HQ administrator's confirmation`;
      await trx
        .insertInto('held_events')
        .values({ device_id: e.deviceId, device_seq: e.deviceSeq, event_id: e.id, site_id: siteId, why: detail })
        .execute();
      return { reason: HELD_REASON, detail, status: 'held' };
    }
    passed.push({ type: e.type, hlc: e.hlc, payload: e.payload as Record<string, unknown> });
    return null;
  };

  async function whyHeld(e: WireEvent, p: { staffId: string; role?: Role }): Promise<string | null> {
    if (heldCreations.has(p.staffId) || (await creationPending(trx, siteId, p.staffId)))
      return 'a change to a person whose creation is held';
    if (e.type === 'StaffCreated') {
      if (!privileged(p.role!)) return null;
      if (p.role === 'admin' && !createdInBatch && (await firstAdminOfSite(trx, siteId, deviceId))) return null;
      return `creates ${withArticle(p.role!)}`;
    }
    if (e.type === 'StaffDisabled') return null; // takes access away only
    if (e.type === 'StaffEnabled') return 'enables a disabled account';
    if (e.type === 'StaffPinReset') return "sets another person's PIN";
    const history = [...(await staffEvents(trx, siteId, p.staffId)), ...passed.filter((r) => r.payload.staffId === p.staffId)];
    const person = foldStaff(history).get(p.staffId);
    if (e.type === 'StaffUpdated') {
      if (!privileged(p.role!)) return null;
      return person && roleAtLeast(person.role, p.role!) ? null : `promotes to ${p.role}`;
    }
    if (e.type === 'StaffPinChanged') {
      if (e.actor !== p.staffId) return "changes another person's PIN";
      if (!person) return 'changes the PIN of a person HQ does not know';
      return privileged(person.role) ? `changes ${withArticle(person.role)}'s PIN` : null;
    }
    return null;
  }
}

async function creationPending(trx: Db, siteId: string, staffId: string): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM events e JOIN held_events h ON h.device_id = e.device_id AND h.device_seq = e.device_seq
    WHERE e.site_id = ${siteId} AND e.type = 'StaffCreated' AND e.payload->>'staffId' = ${staffId}
      AND h.decision IS NULL LIMIT 1`.execute(trx);
  return rows.length > 0;
}

/**
 * No person was ever pushed for the site (accepted or held), and no other desk has work at HQ beyond
 * joining it (a second PC may join before the first names its admin).
 */
async function firstAdminOfSite(trx: Db, siteId: string, deviceId: string): Promise<boolean> {
  const { rows } = await sql`
    SELECT 1 FROM events WHERE site_id = ${siteId}
      AND ((type = 'StaffCreated' AND status IN ('ok', 'held'))
        OR (status = 'ok' AND device_id NOT IN (${deviceId}, ${HQ_DEVICE_ID}) AND type <> 'SiteConfigured'))
    LIMIT 1`.execute(trx);
  return rows.length === 0;
}
