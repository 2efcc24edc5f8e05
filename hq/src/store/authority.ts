import { sql } from 'kysely';
import { mayManageRole, roleAtLeast, type Role } from '../../../shared/domain/staff.js';
import { eventAuthority, type Authority } from '../../../shared/events/authority.js';
import { eventCatalog, type EventType } from '../../../shared/events/catalog.js';
import { HQ_DEVICE_ID, type WireEvent } from '../../../shared/sync/protocol.js';
import type { HqDb } from '../projections/types.js';
import type { DeviceCredential } from './auth.js';
import { firstRow } from '../../../shared/domain/rows.js';

type Refusal = { reason: string; detail: string } | null;
interface StaffRow {
  role: Role;
  active: boolean;
  active_hlc: string | null;
}

/** The pushing device's codes, read once per push transaction (the transaction object is the key). */
const deviceCodes = new WeakMap<object, Promise<{ site: string; device: string }>>();
function codesOf(trx: HqDb, cred: DeviceCredential) {
  let codes = deviceCodes.get(trx);
  if (!codes) {
    codes = sql<{ site: string; device: string }>`
      SELECT s.code AS site, d.code AS device FROM devices d JOIN sites s ON s.id = d.site_id
      WHERE d.site_id = ${cred.siteId} AND d.id = ${cred.deviceId}`
      .execute(trx)
      .then((r) => firstRow(r.rows, `codes of device ${cred.deviceId}`));
    deviceCodes.set(trx, codes);
  }
  return codes;
}

/** Creations held earlier in the same push batch (not inserted until the batch ends), by transaction. */
const heldInBatch = new WeakMap<object, Map<string, Role>>();

/** Push calls this when it holds an event: a held StaffCreated makes its person known to this batch. */
export function rememberHeldCreation(trx: HqDb, cred: DeviceCredential, e: WireEvent): void {
  if (e.type !== 'StaffCreated' || e.deviceId !== cred.deviceId) return;
  const p = e.payload as { staffId: string; role: Role };
  const map = heldInBatch.get(trx) ?? new Map<string, Role>();
  map.set(p.staffId, p.role);
  heldInBatch.set(trx, map);
}

/**
 * A person of the site as HQ knows them; else one whose creation by this same device waits for an HQ
 * administrator (a desk set up on its own before it joined). Their ordinary work at that desk stands
 * meanwhile, so nothing done offline is lost: it gives a stolen credential nothing it lacks, since it
 * can name any real person of its site as actor anyway; their privileged staff changes are held again.
 */
async function staffOf(trx: HqDb, cred: DeviceCredential, staffId: string): Promise<StaffRow | null> {
  const inBatch = heldInBatch.get(trx)?.get(staffId);
  if (inBatch) return { role: inBatch, active: true, active_hlc: null };
  const known = staffSeen.get(trx);
  if (!known) return readStaff(trx, cred, staffId);
  const key = `${cred.deviceId} ${staffId}`;
  let row = known.get(key);
  if (!row) known.set(key, (row = readStaff(trx, cred, staffId)));
  return row;
}

/**
 * People already looked up in a push's judgement loop (20 check-ins by one guard: one query, not 20).
 * Only push turns this on (rememberStaffLookups), forgets them before any projection runs, since a
 * staff event's projection changes hq_staff (between projections nothing in the transaction writes
 * what staffOf reads), and turns it off (forgetStaffLookups) before the waiting events are tried again.
 */
const staffSeen = new WeakMap<object, Map<string, Promise<StaffRow | null>>>();
export function rememberStaffLookups(trx: HqDb): void {
  staffSeen.set(trx, new Map());
}
export function forgetStaffLookups(trx: HqDb): void {
  staffSeen.delete(trx);
}

async function readStaff(trx: HqDb, cred: DeviceCredential, staffId: string): Promise<StaffRow | null> {
  const { rows } = await sql<StaffRow>`
    SELECT role, active, active_hlc FROM hq_staff WHERE site_id = ${cred.siteId} AND staff_id = ${staffId}`.execute(trx);
  if (rows[0]) return rows[0];
  const held = await sql<{ role: Role }>`
    SELECT payload->>'role' AS role FROM events
     WHERE site_id = ${cred.siteId} AND device_id = ${cred.deviceId} AND status = 'held' AND type = 'StaffCreated'
       AND payload->>'staffId' = ${staffId}
     LIMIT 1`.execute(trx);
  return held.rows[0] ? { role: held.rows[0].role, active: true, active_hlc: null } : null;
}

/** Active at the event's time: a disable with an HLC after the event (written offline before it reached the desk) does not count. */
const disabledAt = (s: StaffRow, hlc: string) => !s.active && s.active_hlc !== null && s.active_hlc <= hlc;

const refuse = (reason: string, detail: string): Refusal => ({ reason, detail });

/**
 * What only HQ can check about a pushed event (the desk's own checks run on a device that may be
 * stolen): its numbered documents carry the pushing device's site and desk codes, and the people it
 * names — actor, approvers, the person a staff change is about — are staff of the pushing device's
 * site, active at the event's HLC, with the roles shared/events/authority.ts gives the event type.
 * Called once per event after the schema check; null when the event stands.
 */
export async function authorityRefusal(trx: HqDb, cred: DeviceCredential, e: WireEvent): Promise<Refusal> {
  if (e.deviceId === HQ_DEVICE_ID) return null; // HQ's own master data
  const type = e.type as EventType;
  const rule = eventAuthority[type] as Authority<EventType>;
  // An older payload version is stored as sent; its fields may differ, so only the actor is judged.
  const p = (e.v === eventCatalog[type].v ? e.payload : null) as never;
  const codes = await codesOf(trx, cred);
  if (p) {
    const numbers = numberRefusal(rule, p, codes);
    if (numbers) return numbers;
  }
  return actorRefusal(trx, cred, e, rule, p);
}

function numberRefusal(rule: Authority<EventType>, p: never, codes: { site: string; device: string }): Refusal {
  const own = `${codes.site}-${codes.device}-`;
  for (const n of rule.issues?.(p) ?? [])
    if (!n.startsWith(own)) return refuse('foreign_number', `${n} is not a number of desk ${codes.site}-${codes.device}`);
  for (const n of rule.refers?.(p) ?? [])
    if (!n.startsWith(`${codes.site}-`)) return refuse('foreign_number', `${n} is not a number of site ${codes.site}`);
  const code = rule.deviceCode?.(p);
  if (code !== undefined && code !== codes.device)
    return refuse('wrong_device', `desk code ${code}; the pushing device is ${codes.device}`);
  return null;
}

async function actorRefusal(
  trx: HqDb,
  cred: DeviceCredential,
  e: WireEvent,
  rule: Authority<EventType>,
  p: never,
): Promise<Refusal> {
  if (rule.actor === 'system')
    return e.actor === 'system' ? null : refuse('forged_actor', `${e.type} is written by the desk itself, not ${e.actor}`);
  // A desk's setup is its first event: nobody exists yet to be its actor. Later, only the record a desk
  // writes when it adopts HQ's identity at enrolment, which restates exactly the pushing device's ids.
  if (rule.actor === 'setup')
    return e.deviceSeq === 1 || restatesOwnIdentity(cred, e, p) ? null : refuse('setup_only', `${e.type} at seq ${e.deviceSeq}`);
  const actor = await staffOf(trx, cred, e.actor);
  if (!actor) return setupAdmin(e, rule, p) ? null : refuse('unknown_actor', `${e.actor} is not staff of this site`);
  if (disabledAt(actor, e.hlc)) return refuse('actor_disabled', `${e.actor} was disabled at ${actor.active_hlc}`);
  if (!roleAtLeast(actor.role, rule.actor))
    return refuse('actor_role', `${e.type} needs ${rule.actor}; ${e.actor} is ${actor.role}`);
  if (!p) return null;
  const self = rule.self?.(p);
  if (self !== undefined && self !== e.actor) return refuse('forged_actor', `${e.type} for ${self} written by ${e.actor}`);
  for (const a of rule.approvers?.(p) ?? []) {
    if (a.staffId === null) continue;
    const who = await staffOf(trx, cred, a.staffId);
    if (!who) return refuse('unknown_approver', `${a.staffId} is not staff of this site`);
    if (disabledAt(who, e.hlc)) return refuse('approver_disabled', `${a.staffId} was disabled at ${who.active_hlc}`);
    if (!roleAtLeast(who.role, a.role))
      return refuse('approver_role', `${e.type} needs a ${a.role}; ${a.staffId} is ${who.role}`);
  }
  return manageRefusal(trx, cred, e, rule, p, actor.role);
}

/** A staff change reaches only people (and gives only roles) within the actor's reach, as at the desk. */
async function manageRefusal(
  trx: HqDb,
  cred: DeviceCredential,
  e: WireEvent,
  rule: Authority<EventType>,
  p: never,
  actorRole: Role,
): Promise<Refusal> {
  const m = rule.manages?.(p);
  if (!m) return null;
  const target = await staffOf(trx, cred, m.staffId);
  if (e.type === 'StaffCreated') {
    if (target) return refuse('staff_exists', `${m.staffId} already exists`);
  } else if (!target) return refuse('unknown_staff', `${m.staffId} is not staff of this site`);
  else if (!mayManageRole(actorRole, target.role)) return refuse('actor_role', `a ${actorRole} may not change a ${target.role}`);
  if (m.role && !mayManageRole(actorRole, m.role)) return refuse('actor_role', `a ${actorRole} may not give the role ${m.role}`);
  return null;
}

/** The record of an adoption is written in HQ's name (actor 'hq') and names the pushing device's own ids. */
function restatesOwnIdentity(cred: DeviceCredential, e: WireEvent, p: never): boolean {
  const ids = p as { siteId?: unknown; deviceId?: unknown } | null;
  return e.actor === HQ_DEVICE_ID && !!ids && ids.siteId === cred.siteId && ids.deviceId === cred.deviceId;
}

/**
 * A desk's first administrator is created at its setup by themselves (the actor is the new person):
 * only among the device's first two events (SiteConfigured, then this), and only as an admin.
 * Whether a second desk's own first admin is held for HQ's confirmation is the staff-hold rule's call.
 */
function setupAdmin(e: WireEvent, rule: Authority<EventType>, p: never): boolean {
  if (!rule.setupAdmin || !p || e.deviceSeq > 2) return false;
  const created = p as { staffId: string; role: Role };
  return created.staffId === e.actor && created.role === 'admin';
}
