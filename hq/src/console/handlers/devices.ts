import type { devicesProcs } from '../contract/devices.js';
import { ConsoleError, fieldError } from '../contract/errors.js';
import type { ConsoleHandlers } from './context.js';
import { issueEnrollCode, issueReplacementCode, revokeDevice } from '../../store/admin.js';
import { listConflicts, resolveConflict } from '../../store/conflicts.js';
import { codeExpiry, deviceOfSite, siteDevices, siteRejections } from '../store/devices.js';

/**
 * The site's devices, rejections and conflicts. Every act is the CLI's own function (enroll-code,
 * replace-device, revoke, resolve-conflict), called after the site is checked against the user's scope
 * and the device against the site; the router writes the audit line with the input (the revoke's reason).
 */
export const devicesHandlers: ConsoleHandlers<typeof devicesProcs> = {
  async 'devices.list'({ siteId }, ctx) {
    ctx.scope.assertSite(siteId);
    return siteDevices(ctx.db, siteId, ctx.now);
  },

  async 'devices.issueCode'({ siteId, deviceCode }, ctx) {
    ctx.scope.assertSite(siteId);
    const taken = (await siteDevices(ctx.db, siteId, ctx.now)).some((d) => d.code === deviceCode);
    // enroll.ts would refuse it at redemption (device_code_taken, revoked or not): a desk code is one
    // device's for good; moving it to another PC is a replacement. The admin hears it now, at the field.
    if (taken) throw fieldError('deviceCode', 'devices.err.codeTaken');
    const code = await issueEnrollCode(ctx.db, siteId, deviceCode);
    return { code, deviceCode, expiresAt: await codeExpiry(ctx.db, code) };
  },

  async 'devices.replace'({ siteId, deviceId }, ctx) {
    ctx.scope.assertSite(siteId);
    const device = await deviceOfSite(ctx.db, siteId, deviceId);
    let code: string;
    try {
      code = await issueReplacementCode(ctx.db, siteId, device.code);
    } catch {
      // Only a device already replaced by another has no current holder of its desk code.
      throw new ConsoleError('conflict', 'devices.err.replacedAlready');
    }
    return { code, deviceCode: device.code, expiresAt: await codeExpiry(ctx.db, code) };
  },

  async 'devices.revoke'({ siteId, deviceId }, ctx) {
    ctx.scope.assertSite(siteId);
    const device = await deviceOfSite(ctx.db, siteId, deviceId);
    if (device.revoked_at) throw new ConsoleError('conflict', 'devices.err.revokedAlready');
    if (!(await revokeDevice(ctx.db, deviceId))) throw new ConsoleError('not_found', 'devices.err.noDevice');
    const after = await deviceOfSite(ctx.db, siteId, deviceId);
    return { revokedAt: after.revoked_at!.toISOString() };
  },

  async 'devices.rejected'({ siteId }, ctx) {
    ctx.scope.assertSite(siteId);
    return siteRejections(ctx.db, siteId);
  },

  async 'devices.conflicts'({ siteId, includeResolved }, ctx) {
    ctx.scope.assertSite(siteId);
    return listConflicts(ctx.db, siteId, includeResolved ?? false);
  },

  async 'devices.resolveConflict'({ siteId, conflictId, note }, ctx) {
    ctx.scope.assertSite(siteId);
    const open = (await listConflicts(ctx.db, siteId, true)).find((c) => c.id === conflictId);
    if (!open) throw new ConsoleError('not_found', 'devices.err.noConflict');
    if (open.resolution) throw new ConsoleError('conflict', 'devices.err.resolvedAlready');
    await resolveConflict(ctx.db, siteId, conflictId, note, ctx.user.name);
    return {};
  },
};
