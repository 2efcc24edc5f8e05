import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '../../../shared/api/result.js';
import { draft } from '../../../db/events.js';
import { listStaff, staffById, staffByNo } from '../../../db/queries/staff.js';
import { hashPin } from '../pin.js';
import type { HandlerMap } from '../context.js';
import { toStaffSummary } from './auth.js';

export const staffHandlers: Pick<HandlerMap, 'staff:list' | 'staff:create'> = {
  async 'staff:list'(_input, ctx) {
    return (await listStaff(ctx.db)).map(toStaffSummary);
  },

  async 'staff:create'(input, ctx) {
    if (await staffByNo(ctx.db, input.staffNo)) throw fieldError('staffNo', 'err.staffNo.taken');
    const staffId = uuidv7();
    const pinHash = await hashPin(input.pin);
    await ctx.transact(async (trx, emit) => {
      // Hashing the PIN takes a while: a second submit may have taken the number since the check above.
      if (await staffByNo(trx, input.staffNo)) throw fieldError('staffNo', 'err.staffNo.taken');
      await emit(draft('StaffCreated', { staffId, staffNo: input.staffNo, name: input.name, role: input.role, pinHash }));
    });
    return toStaffSummary((await staffById(ctx.db, staffId))!);
  },
};
