import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { weakPinReason } from '../../../shared/domain/pinStrength.js';
import { draft } from '../../../db/events.js';
import { getSiteIdentity } from '../../../db/meta.js';
import { staffById, staffByNo, type StaffRow } from '../../../db/queries/staff.js';
import type { SessionInfo, StaffSummary } from '../../../shared/api/schemas.js';
import { checkPin } from '../pinCheck.js';
import { hashPin } from '../pin.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';

export const toStaffSummary = (s: StaffRow): StaffSummary => ({
  id: s.id,
  staffNo: s.staff_no,
  name: s.name,
  role: s.role,
  active: s.active === 1,
});

export async function sessionInfo(ctx: HandlerContext, staffId: string): Promise<SessionInfo> {
  const site = ctx.site ?? (await getSiteIdentity(ctx.db));
  const staff = await staffById(ctx.db, staffId);
  if (!site || !staff) throw new Error('session without site or staff');
  const settings = await ctx.services.settings();
  return {
    staff: toStaffSummary(staff),
    mustChangePin: staff.must_change_pin === 1,
    siteName: site.siteName,
    siteCode: site.siteCode,
    deviceCode: site.deviceCode,
    idleLockMinutes: settings.idleLockMinutes,
    siteTimeZone: settings.siteTimeZone,
  };
}

export const authHandlers: Pick<HandlerMap, 'auth:signIn' | 'auth:session' | 'auth:signOut' | 'auth:lock' | 'auth:changePin'> = {
  async 'auth:signIn'(input, ctx) {
    const staff = await staffByNo(ctx.db, input.staffNo);
    // Unknown staff and a wrong PIN read the same to the person at the desk (and take as long).
    await checkPin(ctx, staff ?? null, input.pin, ctx.now, 'pin');
    if (!staff) throw new Error('checkPin passed without a staff row');
    // Said only after the right PIN: a guess at a staff number learns nothing about leavers.
    if (!staff.active)
      throw new ApiFailure('forbidden', 'err.staff.disabled', [{ path: 'staffNo', message: 'err.staff.disabled' }]);
    ctx.services.sessions.signIn(ctx.sessionKey, staff.id, ctx.now.getTime());
    return sessionInfo(ctx, staff.id);
  },

  async 'auth:session'(_input, ctx) {
    return ctx.staff ? sessionInfo(ctx, ctx.staff.id) : null;
  },

  async 'auth:signOut'(_input, ctx) {
    ctx.services.sessions.signOut(ctx.sessionKey);
    return null;
  },

  async 'auth:lock'(_input, ctx) {
    ctx.services.sessions.lock(ctx.sessionKey);
    return null;
  },

  async 'auth:changePin'(input, ctx) {
    const { staff } = signedIn(ctx);
    // The new PIN's rules first: a refusal for a weak PIN says nothing about the current one.
    const weak = weakPinReason(input.newPin, staff.staff_no, staff.role);
    if (weak) throw fieldError('newPin', weak);
    await checkPin(ctx, staff, input.currentPin, ctx.now, 'currentPin');
    const pinHash = await hashPin(input.newPin);
    await ctx.transact((_trx, emit) => emit(draft('StaffPinChanged', { staffId: staff.id, pinHash })));
    return null;
  },
};
