import { v7 as uuidv7 } from 'uuid';
import { ApiFailure } from '../../../shared/api/result.js';
import { SITE_KINDS } from '../../../shared/api/schemas.js';
import { HQ_DEVICE_ID } from '../../../shared/sync/protocol.js';
import { draft } from '../../../db/events.js';
import { activeStaffCount } from '../../../db/queries/staff.js';
import { hashPin } from '../pin.js';
import type { HandlerMap } from '../context.js';
import { sessionInfo } from './auth.js';
import { enrollmentRefused, hqAddress, pinOf } from './sync.js';

/**
 * A new desk PC joins a site HQ already knows: HQ's address and a one-time code set it up (site and
 * desk code from HQ), and the first sync brings the site's staff, directory and records, so the
 * receptionists sign in with the PINs they already have. Only a site with nobody at HQ yet asks for
 * a first administrator.
 */
export const setupFromHqHandlers: Pick<HandlerMap, 'setup:fromHq' | 'setup:firstAdmin'> = {
  async 'setup:fromHq'(input, ctx) {
    if (ctx.site) throw new ApiFailure('already_set_up', 'err.setup.done');
    const hqUrl = hqAddress(input.hqUrl);
    let res;
    try {
      res = await ctx.services.sync.redeem(hqUrl, input.code.toUpperCase(), pinOf(input.fingerprint));
    } catch (e) {
      throw enrollmentRefused(e);
    }
    const { site, deviceId, deviceCode } = res;
    // The site and its enrollment in one transaction: a desk is never half set up.
    await ctx.transact(
      async (trx, emit) => {
        await emit(
          draft('SiteConfigured', {
            siteId: site.id,
            siteCode: site.code,
            siteName: site.name,
            siteKind: (SITE_KINDS as readonly string[]).includes(site.kind)
              ? (site.kind as (typeof SITE_KINDS)[number])
              : 'mixed',
            deviceId,
            deviceCode,
          }),
        );
        await ctx.services.sync.recordEnrollment(trx, hqUrl, res);
      },
      { siteId: site.id, deviceId, actor: HQ_DEVICE_ID },
    );
    ctx.services.settingsChanged();
    // Download the site now; if the network drops, the sync client keeps trying by itself.
    await ctx.services.sync.syncNow();
    const status = await ctx.services.sync.status();
    return {
      siteName: site.name,
      siteCode: site.code,
      deviceCode,
      staffCount: await activeStaffCount(ctx.db),
      syncError: status.lastError,
    };
  },

  async 'setup:firstAdmin'(input, ctx) {
    if (!ctx.site) throw new ApiFailure('setup_required', 'err.setupRequired');
    // Only a desk nobody can sign in to: otherwise anyone at the desk could make themselves admin.
    if ((await activeStaffCount(ctx.db)) > 0) throw new ApiFailure('already_set_up', 'err.setup.hasStaff');
    const staffId = uuidv7();
    const pinHash = await hashPin(input.admin.pin);
    await ctx.transact(
      async (_trx, emit) => {
        await emit(
          draft('StaffCreated', { staffId, staffNo: input.admin.staffNo, name: input.admin.name, role: 'admin', pinHash }),
        );
      },
      { siteId: ctx.site.siteId, deviceId: ctx.site.deviceId, actor: staffId },
    );
    ctx.services.sessions.signIn(ctx.sessionKey, staffId, ctx.now.getTime());
    return sessionInfo(ctx, staffId);
  },
};
