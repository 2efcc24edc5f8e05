import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { ApiFailure } from '../../../shared/api/result.js';
import type { Database } from '../../../db/schema.js';
import { draft } from '../../../db/events.js';
import { openShiftOf } from '../../../db/queries/shifts.js';
import * as q from '../../../db/queries/fees.js';
import { drawerEntryOf, drawerLedgerOf, reversalOf } from '../../../db/queries/drawer.js';
import { approveBy } from '../pinCheck.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';
import type { ProcOutput } from '../../../shared/api/contract.js';

async function currentShift(ctx: HandlerContext) {
  const { site } = signedIn(ctx);
  const shift = await openShiftOf(ctx.db, site.deviceId);
  if (!shift) throw new ApiFailure('shift_required', 'err.shift.notOpen');
  return shift;
}

export async function drawerState(db: Kysely<Database>, shiftId: string, limitFen: number): Promise<ProcOutput<'drawer:state'>> {
  const { expected, floatFen } = await q.drawerExpectation(db, shiftId);
  const entries = await drawerLedgerOf(db, shiftId);
  const receipts = await db
    .selectFrom('fee_receipts')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('voided_at').as('v')])
    .where('shift_id', '=', shiftId)
    .executeTakeFirstOrThrow();
  const last = await q.lastCountOf(db, shiftId);
  return {
    shiftId,
    floatFen: entries.some((e) => e.kind === 'float') ? floatFen : null,
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      amountFen: e.amount_fen,
      reason: e.reason,
      at: e.at,
      by: e.by_name ?? '',
      reversesId: e.reverses_id,
      reversedById: e.reversed_by_id,
    })),
    expected,
    receipts: Number(receipts.n),
    voided: Number(receipts.v),
    varianceLimitFen: limitFen,
    lastCount: last
      ? {
          at: last.at,
          countedFen: last.counted_fen,
          varianceFen: last.variance_fen,
          approver: last.approver_name,
          reason: last.reason,
        }
      : null,
  };
}

export const drawerHandlers: Pick<
  HandlerMap,
  'drawer:state' | 'drawer:float' | 'drawer:move' | 'drawer:reverse' | 'drawer:count'
> = {
  async 'drawer:state'(_input, ctx) {
    const shift = await currentShift(ctx);
    return drawerState(ctx.db, shift.id, (await ctx.services.settings()).drawerVarianceLimitFen);
  },

  /** The cash the shift starts with; set once per shift (a correction is cash in or out with a reason). */
  async 'drawer:float'(input, ctx) {
    const shift = await currentShift(ctx);
    await ctx.transact(async (trx, emit) => {
      const set = await trx
        .selectFrom('drawer_entries')
        .select('id')
        .where('shift_id', '=', shift.id)
        .where('kind', '=', 'float')
        .executeTakeFirst();
      if (set) throw new ApiFailure('conflict', 'err.drawer.floatSet', [{ path: 'amount', message: 'err.drawer.floatSet' }]);
      await emit(
        draft('DrawerFloatSet', { entryId: uuidv7(), shiftId: shift.id, amountFen: input.amount, at: ctx.now.toISOString() }),
      );
    });
    return drawerState(ctx.db, shift.id, (await ctx.services.settings()).drawerVarianceLimitFen);
  },

  async 'drawer:move'(input, ctx) {
    const shift = await currentShift(ctx);
    await ctx.transact((_trx, emit) =>
      emit(
        draft('CashMoved', {
          entryId: uuidv7(),
          shiftId: shift.id,
          direction: input.direction,
          amountFen: input.amount,
          reason: input.reason,
          at: ctx.now.toISOString(),
        }),
      ),
    );
    return drawerState(ctx.db, shift.id, (await ctx.services.settings()).drawerVarianceLimitFen);
  },

  /**
   * 冲正: the opposite move for the same amount, naming the move and the reason. Checked in the
   * transaction (SQLite runs one writer at a time, so of two requests at once the second sees the
   * first); the unique index on `reverses_id` refuses a second reversal whatever path it takes.
   */
  async 'drawer:reverse'(input, ctx) {
    const shift = await currentShift(ctx);
    const refuse = (message: string) => new ApiFailure('conflict', message, [{ path: 'entryId', message }]);
    await ctx.transact(async (trx, emit) => {
      const move = await drawerEntryOf(trx, shift.id, input.entryId);
      if (!move || move.kind === 'float') throw refuse('err.drawer.noSuchMove');
      if (move.reverses_id) throw refuse('err.drawer.reverseReversal');
      if (await reversalOf(trx, move.id)) throw refuse('err.drawer.alreadyReversed');
      await emit(
        draft('CashMoveReversed', {
          entryId: uuidv7(),
          reversesEntryId: move.id,
          shiftId: shift.id,
          direction: move.kind === 'in' ? 'out' : 'in',
          amountFen: move.amount_fen,
          reason: input.reason,
          at: ctx.now.toISOString(),
        }),
      );
    });
    return drawerState(ctx.db, shift.id, (await ctx.services.settings()).drawerVarianceLimitFen);
  },

  /**
   * The shift-end count by denomination against what the system expects in cash. Beyond the
   * configured threshold it stops and asks for a shift leader's PIN and a reason, recorded with it.
   */
  async 'drawer:count'(input, ctx) {
    const { staff } = signedIn(ctx);
    const shift = await currentShift(ctx);
    const limit = (await ctx.services.settings()).drawerVarianceLimitFen;
    const counts = Object.entries(input.denominations).flatMap(([d, c]) => (c ? [[d, c] as const] : []));
    const countedFen = counts.reduce((n, [d, c]) => n + Number(d) * c, 0);
    const { expected } = await q.drawerExpectation(ctx.db, shift.id);
    const varianceFen = countedFen - expected.cash;
    let approvedBy: string | null = null;
    let reason = '';
    if (Math.abs(varianceFen) > limit) {
      if (!input.approval)
        throw new ApiFailure('approval_required', 'err.drawer.variance', undefined, {
          varianceFen,
          countedFen,
          expectedFen: expected.cash,
        });
      approvedBy = (await approveBy(ctx, input.approval, 'shift_leader', ctx.now, 'approval', [staff.id])).id;
      reason = input.approval.reason;
    }
    await ctx.transact((_trx, emit) =>
      emit(
        draft('DrawerCounted', {
          countId: uuidv7(),
          shiftId: shift.id,
          at: ctx.now.toISOString(),
          denominations: Object.fromEntries(counts),
          countedFen,
          expected,
          varianceFen,
          approvedBy,
          reason,
        }),
      ),
    );
    ctx.services.notify({ kind: 'shift-changed' });
    return drawerState(ctx.db, shift.id, limit);
  },
};
