import { countVisitsOnSite } from '../../../db/queries/visits.js';
import { staffById } from '../../../db/queries/staff.js';
import { lastDeviceSeq } from '../../../db/events.js';
import { signedIn, type HandlerMap } from '../context.js';

export const statusHandlers: Pick<HandlerMap, 'status:get'> = {
  async 'status:get'(_input, ctx) {
    const { site } = signedIn(ctx);
    const settings = await ctx.services.settings();
    const ids = ctx.services.sessions.onDuty(ctx.now.getTime(), settings.idleLockMinutes);
    const names = await Promise.all(ids.map(async (id) => (await staffById(ctx.db, id))?.name ?? ''));
    const deviceSeq = await lastDeviceSeq(ctx.db, site.deviceId);
    return {
      siteName: site.siteName,
      siteCode: site.siteCode,
      deviceCode: site.deviceCode,
      onDuty: names.filter(Boolean),
      // HQ sync arrives with the sync issue; until then every event of this desk is waiting.
      hqConfigured: false,
      pendingEvents: deviceSeq,
      onSiteCount: await countVisitsOnSite(ctx.db),
      printMode: ctx.services.printer.mode,
    };
  },
};
