import { sql, type Kysely } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import type { Rejection } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { checkedHandlers, factHandlers } from '../projections/index.js';
import { inTransaction } from '../pg/inTransaction.js';
import { appendMasterEvent, siteByCode } from './admin.js';
import { HELD_REASON, REFUSED_REASON } from './holdRules.js';
import { foldStaff, staffAtHq, staffEvents } from './staffHistory.js';
import { wireEventOf } from './storedEvent.js';
import { firstRow } from '../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

interface HeldRow {
  device_id: string;
  device_seq: string;
  event_id: string;
  site_id: string;
  why: string;
  held_at: Date;
  type: string;
  hlc: string;
  actor: string;
  payload: Record<string, unknown>;
  recorded_at: string;
  desk_site_id: string;
  v: number;
  device_code: string | null;
}

const heldQuery = (where: ReturnType<typeof sql>) => sql<HeldRow>`
  SELECT h.device_id, h.device_seq, h.event_id, h.site_id, h.why, h.held_at, e.type, e.hlc, e.actor, e.payload,
    e.recorded_at, e.desk_site_id, e.v, d.code AS device_code
  FROM held_events h JOIN events e ON e.site_id = h.site_id AND e.device_id = h.device_id AND e.device_seq = h.device_seq
  LEFT JOIN devices d ON d.site_id = h.site_id AND d.id = h.device_id
  WHERE h.decision IS NULL AND ${where}
  ORDER BY e.hlc, h.device_id, h.device_seq`;

/** The site's held events waiting for an HQ administrator, oldest change first. */
export async function pendingHeld(db: Db, siteCode: string) {
  const site = await siteByCode(db, siteCode);
  if (!site) throw new Error(`No site with code ${siteCode}.`);
  const rows = (await heldQuery(sql`h.site_id = ${site.id}`).execute(db)).rows;
  const people = await staffAtHq(db, site.id);
  const named = (id: unknown) => {
    const p = people.get(String(id));
    return p ? `${p.staffNo} ${p.name}` : String(id);
  };
  return rows.map((h) => ({
    ...h,
    who: h.payload.staffNo ? `${String(h.payload.staffNo)} ${String(h.payload.name)}` : named(h.payload.staffId),
    by: named(h.actor),
  }));
}

/** One line per held event: what it would do, from which desk, and why HQ holds it. */
export function describeHeld(h: HeldRow & { who: string; by: string }): string {
  const role = h.payload.role ? ` as ${String(h.payload.role)}` : '';
  return `${h.event_id}\t${h.device_code ?? h.device_id}#${h.device_seq}\t${h.type}\t${h.who}${role}\tby ${h.by}\t${h.why}`;
}

/** The held event, read again under its site's lock: two administrators deciding it at once decide it once. */
async function takePending(trx: Db, eventId: string): Promise<HeldRow> {
  const pending = async () => (await heldQuery(sql`h.event_id = ${eventId}`).execute(trx)).rows;
  const [seen] = await pending();
  if (seen) await sql`SELECT 1 FROM sites WHERE id = ${seen.site_id} FOR UPDATE`.execute(trx);
  const rows = seen ? await pending() : [];
  const [held] = rows;
  if (!held) throw new Error(`No event ${eventId} waits for HQ (never held, or already confirmed or refused).`);
  if (rows.length > 1) throw new Error(`Two held events carry the id ${eventId}; refuse them both.`);
  return held;
}

const samePersonEarlier = async (trx: Db, h: HeldRow) =>
  (
    await heldQuery(
      sql`h.site_id = ${h.site_id} AND e.payload->>'staffId' = ${String(h.payload.staffId)} AND e.hlc < ${h.hlc}`,
    ).execute(trx)
  ).rows;

/**
 * Confirms a held event: it becomes an accepted event with the site's NEXT version, so every desk —
 * also one whose cursor passed the place it was pushed at — gets it on its next pull. Changes to one
 * person are confirmed in their order, so no desk applies a PIN change before the creation it follows.
 */
export async function confirmHeld(db: Db, eventId: string): Promise<string> {
  return inTransaction(db, async (trx) => {
    const h = await takePending(trx, eventId);
    const [earlier] = await samePersonEarlier(trx, h);
    if (earlier)
      throw new Error(`Confirm or refuse ${earlier.event_id} (${earlier.type}) first: it changes the same person earlier.`);
    const taken = await trx
      .selectFrom('events')
      .select('device_id')
      .where('site_id', '=', h.site_id)
      .where('id', '=', eventId)
      .where('status', '=', 'ok')
      .executeTakeFirst();
    if (taken) throw new Error(`An accepted event from ${taken.device_id} already has the id ${eventId}; refuse this one.`);
    const { rows } = await sql<{ version: string }>`
      UPDATE sites SET version = version + 1 WHERE id = ${h.site_id} RETURNING version`.execute(trx);
    const version = Number(firstRow(rows, `site ${h.site_id}`).version);
    await trx
      .updateTable('events')
      .set({ status: 'ok', site_version: version, reject_reason: null, reject_detail: null })
      .where('site_id', '=', h.site_id)
      .where('device_id', '=', h.device_id)
      .where('device_seq', '=', Number(h.device_seq) as never)
      .execute();
    await decide(trx, h, 'confirmed', null);
    await project(trx, h);
    return `confirmed ${eventId}: ${h.type} reaches the other desks of the site at their next sync (version ${version})`;
  });
}

/** HQ's read model takes a confirmed event as it would have at push (the staff projection among them). */
async function project(trx: Db, h: HeldRow) {
  // A held event passed HQ's catalog check at push: it is the domain event its type names.
  const event = wireEventOf({ ...h, id: h.event_id }) as unknown as DomainEvent;
  const check = checkedHandlers.get(h.type);
  if (check) {
    const reason = await check(trx, h.site_id, event as never);
    if (reason) throw new Error(`HQ cannot take ${h.event_id} now: ${reason}; refuse it.`);
  }
  await factHandlers.get(h.type)?.(trx, h.site_id, [event] as never[]);
}

async function decide(trx: Db, h: HeldRow, decision: 'confirmed' | 'refused', reason: string | null) {
  await trx
    .updateTable('held_events')
    .set({ decision, decided_at: new Date().toISOString(), refuse_reason: reason })
    .where('site_id', '=', h.site_id)
    .where('device_id', '=', h.device_id)
    .where('device_seq', '=', Number(h.device_seq) as never)
    .execute();
}

/**
 * Refuses a held event: stored as rejected with the reason (still acknowledged: the desk's queue never
 * waited for it). Later held changes to a refused creation's person go with it. The desk that pushed it
 * applied it already, so HQ undoes it there with an HQ event ordered after it: a refused creation or
 * enable disables the account, a refused promotion puts back the role HQ knows, a refused PIN the PIN
 * HQ knows (the person then chooses a new one at next sign-in). The other desks never saw it.
 */
export async function refuseHeld(db: Db, eventId: string, reason: string): Promise<string[]> {
  if (!reason.trim()) throw new Error('Say why it is refused: npm run hq -- refuse <eventId> <reason>');
  return inTransaction(db, async (trx) => {
    const h = await takePending(trx, eventId);
    const group = [h];
    if (h.type === 'StaffCreated')
      group.push(
        ...(
          await heldQuery(
            sql`h.site_id = ${h.site_id} AND e.payload->>'staffId' = ${String(h.payload.staffId)} AND e.hlc > ${h.hlc}`,
          ).execute(trx)
        ).rows,
      );
    const lines: string[] = [];
    for (const g of group) {
      const why = g === h ? reason.trim() : `with ${eventId}: ${reason.trim()}`;
      await trx
        .updateTable('events')
        .set({ status: 'rejected', reject_reason: REFUSED_REASON, reject_detail: why })
        .where('site_id', '=', g.site_id)
        .where('device_id', '=', g.device_id)
        .where('device_seq', '=', Number(g.device_seq) as never)
        .execute();
      await decide(trx, g, 'refused', why);
      lines.push(`refused ${g.event_id}: ${g.type} stays at the desk that pushed it only, and is undone there at its next sync`);
    }
    // The group starts with h: its latest is h when no later change came with it.
    await undoAtPushingDesk(trx, h, (group.at(-1) ?? h).hlc);
    return lines;
  });
}

async function undoAtPushingDesk(trx: Db, h: HeldRow, refusedHlc: string) {
  const staffId = String(h.payload.staffId);
  const person = foldStaff(await staffEvents(trx, h.site_id, staffId)).get(staffId);
  const after = person && person.lastHlc > refusedHlc ? person.lastHlc : refusedHlc;
  if (!person || h.type === 'StaffCreated' || h.type === 'StaffEnabled') {
    await appendMasterEvent(trx, h.site_id, person?.active ? 'StaffEnabled' : 'StaffDisabled', { staffId }, after);
  } else if (h.type === 'StaffUpdated') {
    await appendMasterEvent(trx, h.site_id, 'StaffUpdated', { staffId, name: person.name, role: person.role }, after);
  } else if (h.type === 'StaffPinChanged' || h.type === 'StaffPinReset') {
    await appendMasterEvent(trx, h.site_id, 'StaffPinReset', { staffId, pinHash: person.pinHash }, after);
  }
}

/**
 * What the pulling desk should list about its own held events: each still waiting ('held_for_hq') and
 * each refused ('refused_at_hq', with HQ's reason). A confirmed one is simply no longer listed.
 */
export async function heldForDevice(db: Db, siteId: string, deviceId: string): Promise<Rejection[]> {
  const { rows } = await sql<{
    event_id: string;
    device_seq: string;
    why: string;
    decision: string | null;
    refuse_reason: string | null;
  }>`
    (SELECT event_id, device_seq, why, decision, refuse_reason FROM held_events WHERE site_id = ${siteId} AND device_id = ${deviceId} AND decision IS NULL)
    UNION ALL
    (SELECT event_id, device_seq, why, decision, refuse_reason FROM held_events WHERE site_id = ${siteId} AND device_id = ${deviceId} AND decision = 'refused'
      ORDER BY decided_at DESC LIMIT 200)`.execute(db);
  return rows.map((r) => ({
    eventId: r.event_id,
    deviceSeq: Number(r.device_seq),
    reason: r.decision ? REFUSED_REASON : HELD_REASON,
    detail: r.decision ? `refused at HQ: ${r.refuse_reason}` : r.why,
  }));
}
