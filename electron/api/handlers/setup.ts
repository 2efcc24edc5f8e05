import { v7 as uuidv7 } from 'uuid';
import { ApiFailure } from '../../../shared/api/result.js';
import { draft } from '../../../db/events.js';
import { getSiteIdentity } from '../../../db/meta.js';
import { activeStaffCount } from '../../../db/queries/staff.js';
import { hashPin } from '../pin.js';
import type { HandlerMap } from '../context.js';
import { sessionInfo } from './auth.js';

/** First run: the building, this desk, and the first administrator — then that person is signed in. */
export const setupHandlers: Pick<HandlerMap, 'setup:status' | 'setup:complete'> = {
  async 'setup:status'(_input, ctx) {
    const site = ctx.site ?? (await getSiteIdentity(ctx.db));
    if (!site) return { isSetUp: false };
    return {
      isSetUp: true,
      needsAdmin: (await activeStaffCount(ctx.db)) === 0,
      siteName: site.siteName,
      siteCode: site.siteCode,
      deviceCode: site.deviceCode,
    };
  },

  async 'setup:complete'(input, ctx) {
    if (ctx.site) throw new ApiFailure('already_set_up', 'err.setup.done');
    const siteId = uuidv7();
    const deviceId = uuidv7();
    const staffId = uuidv7();
    const pinHash = await hashPin(input.admin.pin);
    await ctx.transact(
      async (_trx, emit) => {
        await emit(
          draft('SiteConfigured', {
            siteId,
            siteCode: input.siteCode,
            siteName: input.siteName,
            siteKind: input.siteKind,
            deviceId,
            deviceCode: input.deviceCode,
          }),
          draft('StaffCreated', { staffId, staffNo: input.admin.staffNo, name: input.admin.name, role: 'admin', pinHash }),
        );
      },
      { siteId, deviceId, actor: staffId },
    );
    // Some defaults (the intake classifier) follow the site kind just set.
    ctx.services.settingsChanged();
    ctx.services.sessions.signIn(ctx.sessionKey, staffId, ctx.now.getTime());
    return sessionInfo(ctx, staffId);
  },
};
