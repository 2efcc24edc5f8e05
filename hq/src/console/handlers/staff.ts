import type { Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import { confirmHeld, pendingHeld, refuseHeld } from '../../store/held.js';
import { setStaffActive } from '../../store/staffAdmin.js';
import { staffAtHq } from '../../store/staffHistory.js';
import type { staffProcs } from '../contract/staff.js';
import { ConsoleError } from '../contract/errors.js';
import type { ConsoleCtx, ConsoleHandlers } from './context.js';
import { createSiteStaff, isLastActiveAdmin, mustChangePin, resetSiteStaffPin, setSiteStaffRole } from '../store/siteStaff.js';
import { ROLES, type Role } from '../../../../shared/domain/staff.js';

/** The site, in the user's scope (a site outside it, or none, is the same refusal: no probing). */
async function siteIn(ctx: ConsoleCtx, siteId: string) {
  ctx.scope.assertSite(siteId);
  const site = await ctx.db.selectFrom('sites').select(['id', 'code']).where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new ConsoleError('not_found', 'staff.err.noSite');
  return site;
}

/** A held change of this site: confirmHeld / refuseHeld take an event id alone, so the site is checked here. */
async function heldOf(db: Kysely<HqDatabase>, siteCode: string, eventId: string) {
  const held = await pendingHeld(db, siteCode);
  const h = held.find((x) => x.event_id === eventId);
  if (!h) throw new ConsoleError('not_found', 'staff.err.notHeld');
  return { held, h };
}

/**
 * What the store still refuses after the checks here (a race with a desk's push, an id taken twice):
 * its sentence is English for the CLI, so the console says "look again" and logs nothing of it.
 */
async function asConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ConsoleError) throw e;
    if (e instanceof Error && !('code' in e)) throw new ConsoleError('conflict', 'staff.err.changedMeanwhile');
    throw e;
  }
}

const heldRole = (r: unknown): Role | null => (ROLES.includes(r as Role) ? (r as Role) : null);

export const staffHandlers: ConsoleHandlers<typeof staffProcs> = {
  async 'staff.list'({ siteId }, ctx) {
    const site = await siteIn(ctx, siteId);
    const reset = await mustChangePin(ctx.db, siteId);
    const staff = [...(await staffAtHq(ctx.db, siteId)).values()]
      .sort((a, b) => a.staffNo.localeCompare(b.staffNo) || a.staffId.localeCompare(b.staffId))
      .map((p) => ({
        staffId: p.staffId,
        staffNo: p.staffNo,
        name: p.name,
        role: p.role,
        active: p.active,
        mustChangePin: reset.has(p.staffId),
      }));
    const held = (await pendingHeld(ctx.db, site.code)).map((h) => ({
      eventId: h.event_id,
      type: h.type,
      who: h.who,
      role: heldRole(h.payload.role),
      by: h.by,
      deviceCode: h.device_code ?? h.device_id,
      heldAt: new Date(h.held_at).toISOString(),
      why: h.why,
    }));
    return { staff, held };
  },

  async 'staff.create'({ siteId, ...s }, ctx) {
    await siteIn(ctx, siteId);
    return { staffId: await createSiteStaff(ctx.db, siteId, s) };
  },

  async 'staff.setRole'({ siteId, staffId, role }, ctx) {
    await siteIn(ctx, siteId);
    return { lines: await setSiteStaffRole(ctx.db, siteId, staffId, role) };
  },

  async 'staff.setActive'({ siteId, staffNo, active }, ctx) {
    const site = await siteIn(ctx, siteId);
    const people = [...(await staffAtHq(ctx.db, siteId)).values()];
    const matches = people.filter((p) => p.staffNo === staffNo);
    if (matches.length === 0) throw new ConsoleError('not_found', 'staff.err.noPerson');
    if (!active && matches.some((m) => m.active && isLastActiveAdmin(people, m)))
      throw new ConsoleError('conflict', 'err.staff.lastAdmin');
    return { lines: await asConflict(() => setStaffActive(ctx.db, site.code, staffNo, active)) };
  },

  async 'staff.resetPin'({ siteId, staffId, pin }, ctx) {
    await siteIn(ctx, siteId);
    return { lines: await resetSiteStaffPin(ctx.db, siteId, staffId, pin) };
  },

  async 'staff.confirm'({ siteId, eventId }, ctx) {
    const site = await siteIn(ctx, siteId);
    const { held, h } = await heldOf(ctx.db, site.code, eventId);
    // Changes to one person are confirmed in their order (confirmHeld refuses otherwise): said in words here.
    const earlier = held.find((x) => x.payload.staffId === h.payload.staffId && x.hlc < h.hlc);
    if (earlier) throw new ConsoleError('conflict', 'staff.err.earlierFirst');
    return { lines: [await asConflict(() => confirmHeld(ctx.db, eventId))] };
  },

  async 'staff.refuse'({ siteId, eventId, reason }, ctx) {
    const site = await siteIn(ctx, siteId);
    await heldOf(ctx.db, site.code, eventId);
    return { lines: await asConflict(() => refuseHeld(ctx.db, eventId, reason)) };
  },
};
