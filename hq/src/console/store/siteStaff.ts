import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../../../shared/domain/staff.js';
import { weakPinReason } from '../../../../shared/domain/pinStrength.js';
import type { HqDatabase } from '../../pg/schema.js';
import { appendMasterEvent } from '../../store/admin.js';
import { hashDeskPin } from '../../store/deskPin.js';
import { withSealedPinHash } from '../../store/pinSeal.js';
import { staffAtHq, staffEvents, type StaffAtHq } from '../../store/staffHistory.js';
import { ConsoleError, fieldError as consoleFieldError } from '../contract/errors.js';

type Db = Kysely<HqDatabase>;

/**
 * HQ's own changes to a site's desk staff (issue 21 item 3), beyond the CLI's disable/enable: each is an
 * HQ event every desk of the site applies at its next sync, ordered after every change to the person HQ
 * has accepted (as setStaffActive and the refusals' undo do), its PIN hash sealed with the site's key as
 * pushed hashes are (hq/src/store/pinSeal.ts).
 */

/** The site row locked: serialised with the site's pushes, so "the last admin" is not raced by a desk. */
async function lockedSite(trx: Db, siteId: string) {
  const { rows } = await sql<{ id: string; id_key: string | null }>`
    SELECT id, id_key FROM sites WHERE id = ${siteId} FOR UPDATE`.execute(trx);
  if (!rows[0]) throw new ConsoleError('not_found', 'staff.err.noSite');
  return rows[0];
}

/** Whether they are the site's last active admin (as at the desk: the site keeps one, or nobody manages staff). */
export function isLastActiveAdmin(people: StaffAtHq[], leaving: StaffAtHq): boolean {
  return leaving.role === 'admin' && !people.some((p) => p.active && p.role === 'admin' && p.staffId !== leaving.staffId);
}

/** Who must choose their own PIN: the latest PIN event about them (by HLC) is a reset. */
export async function mustChangePin(db: Db, siteId: string): Promise<Set<string>> {
  const latest = new Map<string, { hlc: string; type: string }>();
  for (const r of await staffEvents(db, siteId)) {
    if (!['StaffCreated', 'StaffPinChanged', 'StaffPinReset'].includes(r.type)) continue;
    const id = String(r.payload.staffId);
    const seen = latest.get(id);
    if (!seen || seen.hlc < r.hlc) latest.set(id, { hlc: r.hlc, type: r.type });
  }
  return new Set([...latest].filter(([, v]) => v.type === 'StaffPinReset').map(([id]) => id));
}

async function personAt(trx: Db, siteId: string, staffId: string) {
  const people = [...(await staffAtHq(trx, siteId)).values()];
  const person = people.find((p) => p.staffId === staffId);
  if (!person) throw new ConsoleError('not_found', 'staff.err.noPerson');
  return { people, person };
}

const sealed = (siteKey: string | null, staffId: string, pinHash: string) =>
  (withSealedPinHash({ type: 'StaffPinReset', payload: { staffId, pinHash } }, siteKey).payload as { pinHash: string }).pinHash;

/** A staff number HQ knows at the site, accepted or in a creation still held for HQ. */
async function staffNoTaken(trx: Db, siteId: string, staffNo: string): Promise<boolean> {
  const wanted = staffNo.toLowerCase();
  if ([...(await staffAtHq(trx, siteId)).values()].some((p) => p.staffNo.toLowerCase() === wanted)) return true;
  const { rows } = await sql`
    SELECT 1 FROM events WHERE site_id = ${siteId} AND type = 'StaffCreated' AND status = 'held'
      AND lower(payload->>'staffNo') = ${wanted} LIMIT 1`.execute(trx);
  return rows.length > 0;
}

/**
 * A new desk account made at HQ. Its PIN is the one HQ's admin chose, so it is created reset: the person
 * chooses their own at their first desk sign-in (the desk's rule for a PIN someone else set).
 */
export async function createSiteStaff(
  trx: Db,
  siteId: string,
  s: { staffNo: string; name: string; role: Role; pin: string },
): Promise<string> {
  const site = await lockedSite(trx, siteId);
  // The site's key comes with its first desk: before it, the PIN hash could not be sealed (and no desk would sign in).
  if (!site.id_key) throw new ConsoleError('conflict', 'staff.err.noDeskYet');
  if (await staffNoTaken(trx, siteId, s.staffNo)) throw consoleFieldError('staffNo', 'err.staffNo.taken');
  const staffId = uuidv7();
  const pinHash = sealed(site.id_key, staffId, await hashDeskPin(s.pin));
  await appendMasterEvent(trx, siteId, 'StaffCreated', { staffId, staffNo: s.staffNo, name: s.name, role: s.role, pinHash });
  await appendMasterEvent(trx, siteId, 'StaffPinReset', { staffId, pinHash });
  return staffId;
}

export async function setSiteStaffRole(trx: Db, siteId: string, staffId: string, role: Role): Promise<string[]> {
  await lockedSite(trx, siteId);
  const { people, person } = await personAt(trx, siteId, staffId);
  if (person.role === role) return [`${person.staffNo} ${person.name} is already ${role}`];
  if (person.active && role !== 'admin' && isLastActiveAdmin(people, person))
    throw consoleFieldError('role', 'err.staff.lastAdmin');
  await appendMasterEvent(trx, siteId, 'StaffUpdated', { staffId, name: person.name, role }, person.lastHlc);
  return [`${person.staffNo} ${person.name}: ${person.role} → ${role}`];
}

/** A PIN set by HQ for someone: the desk's reset (must change at next sign-in; it lifts a desk's lockout). */
export async function resetSiteStaffPin(trx: Db, siteId: string, staffId: string, pin: string): Promise<string[]> {
  const site = await lockedSite(trx, siteId);
  const { person } = await personAt(trx, siteId, staffId);
  const weak = weakPinReason(pin, person.staffNo, person.role);
  if (weak) throw consoleFieldError('pin', weak);
  const pinHash = sealed(site.id_key, staffId, await hashDeskPin(pin));
  await appendMasterEvent(trx, siteId, 'StaffPinReset', { staffId, pinHash }, person.lastHlc);
  return [`${person.staffNo} ${person.name}: PIN reset`];
}
