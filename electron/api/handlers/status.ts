import { countVisitsOnSite } from '../../../db/queries/visits.js';
import { staffById } from '../../../db/queries/staff.js';
import { signedIn, type HandlerMap } from '../context.js';

export const statusHandlers: Pick<HandlerMap, 'status:get'> = {
  async 'status:get'(_input, ctx) {
    const { site } = signedIn(ctx);
    const settings = await ctx.services.settings();
    const ids = ctx.services.sessions.onDuty(ctx.now.getTime(), settings.idleLockMinutes);
    const names = await Promise.all(ids.map(async (id) => (await staffById(ctx.db, id))?.name ?? ''));
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
    };
  },
};
