import { deskDay } from '../../../shared/domain/deskTime.js';
import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '../../../shared/api/result.js';
import type { DenyEntry } from '../../../shared/api/schemas.js';
import { maskPhone } from '../../../shared/domain/mask.js';
import { minimalId } from '../../privacy/idHash.js';
import { draft } from '../../../db/events.js';
import { activeDenyEntries, denyEntryById, type DenyRow } from '../../../db/queries/deny.js';
import type { HandlerMap } from '../context.js';

const toDenyEntry = (r: DenyRow): DenyEntry => ({
  id: r.id,
  name: r.name,
  idNumberMasked: r.id_number_masked,
  phoneMasked: r.phone ? maskPhone(r.phone) : '',
  reason: r.reason,
  validUntil: r.valid_until,
  addedByName: r.added_by_name ?? '',
  addedAt: r.added_at,
});

export const denyHandlers: Pick<HandlerMap, 'deny:list' | 'deny:add' | 'deny:revoke'> = {
  async 'deny:list'(_input, ctx) {
    return (await activeDenyEntries(ctx.db, deskDay(ctx.now))).map(toDenyEntry);
  },

  async 'deny:add'(input, ctx) {
    if (input.validUntil && input.validUntil < deskDay(ctx.now)) throw fieldError('validUntil', 'err.pastDate');
    const entryId = uuidv7();
    await ctx.transact((_trx, emit) =>
      emit(
        draft('DenyEntryAdded', {
          entryId,
          name: input.name,
          ...minimalId(ctx.services.idKeys.current(), input.idNumber),
          phone: input.phone,
          reason: input.reason,
          validUntil: input.validUntil ?? null,
        }),
      ),
    );
    const rows = await activeDenyEntries(ctx.db, '0000-00-00');
    return toDenyEntry(rows.find((r) => r.id === entryId)!);
  },

  async 'deny:revoke'(input, ctx) {
    const entry = await denyEntryById(ctx.db, input.id);
    if (!entry || entry.revoked_at) throw fieldError('id', 'err.notFound');
    await ctx.transact(async (trx, emit) => {
      // Two quick submits both pass the check above; inside the transaction only the first revokes.
      if ((await denyEntryById(trx, input.id))?.revoked_at) return;
      await emit(draft('DenyEntryRevoked', { entryId: input.id, reason: input.reason }));
    });
    return null;
  },
};
