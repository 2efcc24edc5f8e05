import type { Kysely } from 'kysely';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { draft } from '../../../db/events.js';
import type { Database } from '../../../db/schema.js';
import { staffById, type StaffRow } from '../../../db/queries/staff.js';
import { hashPin } from '../pin.js';
import { roleAtLeast } from '../../../shared/domain/staff.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';
import { assertMayManage, assertNotLastAdmin } from '../staffRules.js';
import { toStaffSummary } from './auth.js';

type LifecycleProcs = 'staff:update' | 'staff:disable' | 'staff:enable' | 'staff:resetPin';

/** The person as this transaction sees them: a parallel request may have changed them since the call began. */
async function targetIn(trx: Kysely<Database>, staffId: string): Promise<StaffRow> {
  const target = await staffById(trx, staffId);
  if (!target) throw new ApiFailure('not_found', 'err.staff.notFound');
  return target;
}

/**
 * The acting person as this transaction sees them: a parallel request may just have disabled or
 * demoted them, and what they may do is judged on that, not on the row read when the call began.
 */
async function actorIn(trx: Kysely<Database>, ctx: HandlerContext): Promise<StaffRow> {
  const actor = await staffById(trx, signedIn(ctx).staff.id);
  if (!actor?.active) throw new ApiFailure('unauthenticated', 'err.unauthenticated');
  if (!roleAtLeast(actor.role, 'manager')) throw new ApiFailure('forbidden', 'err.forbidden');
  return actor;
}

async function summary(ctx: HandlerContext, staffId: string) {
  return toStaffSummary((await staffById(ctx.db, staffId))!);
}

export const staffLifecycleHandlers: Pick<HandlerMap, LifecycleProcs> = {
  async 'staff:update'(input, ctx) {
    await ctx.transact(async (trx, emit) => {
      const actor = await actorIn(trx, ctx);
      const target = await targetIn(trx, input.staffId);
      assertMayManage(actor, target, input.role);
      if (input.role !== target.role) {
        // Nobody changes their own role: an admin cannot lock themself out, a manager cannot promote themself.
        if (target.id === actor.id) throw fieldError('role', 'err.staff.self');
        if (input.role !== 'admin') await assertNotLastAdmin(trx, target, 'role');
      }
      if (input.name === target.name && input.role === target.role) return;
      await emit(draft('StaffUpdated', { staffId: target.id, name: input.name, role: input.role }));
    });
    return summary(ctx, input.staffId);
  },

  async 'staff:disable'(input, ctx) {
    await ctx.transact(async (trx, emit) => {
      const actor = await actorIn(trx, ctx);
      const target = await targetIn(trx, input.staffId);
      assertMayManage(actor, target);
      if (target.id === actor.id) throw new ApiFailure('forbidden', 'err.staff.self');
      if (!target.active) return;
      await assertNotLastAdmin(trx, target, 'staffId');
      await emit(draft('StaffDisabled', { staffId: target.id }));
    });
    // A leaver signed in at this desk is out now, not at their next idle lock.
    ctx.services.sessions.endFor(input.staffId);
    return summary(ctx, input.staffId);
  },

  async 'staff:enable'(input, ctx) {
    await ctx.transact(async (trx, emit) => {
      const actor = await actorIn(trx, ctx);
      const target = await targetIn(trx, input.staffId);
      assertMayManage(actor, target);
      if (target.active) return;
      await emit(draft('StaffEnabled', { staffId: target.id }));
    });
    return summary(ctx, input.staffId);
  },

  async 'staff:resetPin'(input, ctx) {
    // One's own PIN is changed with the current one (auth:changePin), never reset around it.
    if (input.staffId === signedIn(ctx).staff.id) throw new ApiFailure('forbidden', 'err.staff.self');
    const pinHash = await hashPin(input.pin);
    await ctx.transact(async (trx, emit) => {
      const actor = await actorIn(trx, ctx);
      const target = await targetIn(trx, input.staffId);
      assertMayManage(actor, target);
      await emit(draft('StaffPinReset', { staffId: target.id, pinHash }));
    });
    // The reset lifted the person's lock (its applier): the leader's notice goes with it.
    ctx.services.notify({ kind: 'lockouts-changed' });
    return summary(ctx, input.staffId);
  },
};
