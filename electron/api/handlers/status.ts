import { countVisitsOnSite } from '../../../db/queries/visits.js';
import { staffById } from '../../../db/queries/staff.js';
import { membersOf, openShiftOf } from '../../../db/queries/shifts.js';
import { isStale } from '../../../shared/domain/shifts.js';
import { machineZone, machineZoneDiffers } from '../../../shared/domain/deskTime.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { signedIn, type HandlerMap } from '../context.js';

/** 在岗: the people on this desk's open shift (not whoever has a window signed in); nobody once it has lapsed. */
async function onDutyNames(db: Kysely<Database>, deviceId: string, now: Date): Promise<string[]> {
  const shift = await openShiftOf(db, deviceId);
  if (!shift || isStale(shift.planned_end, now)) return [];
  return (await membersOf(db, shift.id)).filter((m) => m.left_at === null).map((m) => m.name ?? '');
}

export const statusHandlers: Pick<HandlerMap, 'status:get'> = {
  async 'status:get'(_input, ctx) {
    const { site } = signedIn(ctx);
    const settings = await ctx.services.settings();
    const names = await onDutyNames(ctx.db, site.deviceId, ctx.now);
    // The gate post runs no shifts: a guard signed in there is on duty by being signed in.
    for (const id of ctx.services.sessions.onDuty(ctx.now.getTime(), settings.idleLockMinutes)) {
      const staff = await staffById(ctx.db, id);
      if (staff?.role === 'guard' && staff.active) names.push(staff.name);
    }
    const sync = await ctx.services.sync.status();
    return {
      siteName: site.siteName,
      siteCode: site.siteCode,
      deviceCode: site.deviceCode,
      onDuty: names.filter(Boolean),
      hqConfigured: sync.enrolled,
      // Events HQ has not acknowledged (all of this desk's events until it is enrolled).
      pendingEvents: sync.waiting,
      onSiteCount: await countVisitsOnSite(ctx.db),
      printMode: ctx.services.printer.mode,
      siteTimeZone: settings.siteTimeZone,
      machineTimeZone: machineZone(),
      machineZoneDiffers: machineZoneDiffers(settings.siteTimeZone, ctx.now),
    };
  },
};
