import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { chargeKey, parseChargesFile, type NewCharge } from '../../../shared/import/chargesFile.js';
import { chargeAmountFen } from '../../../shared/domain/fees.js';
import { draft } from '../../../db/events.js';
import type { HandlerMap } from '../context.js';
import { unitRow } from './feeView.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PROBLEMS = 200;

export const feeChargeHandlers: Pick<HandlerMap, 'fees:raiseCharge' | 'fees:importCharges'> = {
  /** A manager raises a one-off charge (a repair, rubbish removal) or a month's fee by the item's rule. */
  async 'fees:raiseCharge'(input, ctx) {
    const unit = await unitRow(ctx.db, input.unitId);
    if (!unit) throw fieldError('unitId', 'err.fee.unitNotFound');
    const amountFen = chargeAmountFen(input.item, {
      areaM2: unit.area_m2,
      amountFen: input.amount || undefined,
      vacant: input.vacant,
    });
    if (!amountFen) throw fieldError('amount', input.amount ? 'err.fee.amount' : 'err.fee.amountNeeded');
    const charge: NewCharge = {
      chargeId: uuidv7(),
      unitId: unit.id,
      unitCode: unit.code,
      item: input.item,
      period: input.period,
      amountFen,
      vacant: input.vacant,
      note: input.note,
    };
    await ctx.transact((_trx, emit) =>
      emit(draft('ChargesRaised', { batchId: uuidv7(), source: 'manual', fileName: '', charges: [charge] })),
    );
    ctx.services.notify({ kind: 'fees-changed' });
    return { ...charge, paidReceiptNo: null, paidTwice: false, overdue: false };
  },

  async 'fees:importCharges'(input, ctx) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_FILE_BYTES) throw fieldError('fileName', 'err.import.tooLarge');
    const unitRows = await ctx.db.selectFrom('units').select(['id', 'code', 'area_m2']).execute();
    const units = new Map(unitRows.map((u) => [u.code, { id: u.id, area: u.area_m2 }]));
    const charged = await ctx.db.selectFrom('fee_charges').select(['unit_code', 'item', 'period']).execute();
    const alreadyCharged = new Set(charged.map((c) => chargeKey(c.unit_code, c.item, c.period)));
    const { charges, problems } = await parseChargesFile(input.fileName, bytes, units, alreadyCharged);
    if (problems.length) {
      throw new ApiFailure('invalid_input', 'err.import.rows', [{ path: 'fileName', message: 'err.import.rows' }], {
        problems: problems.slice(0, MAX_PROBLEMS),
        total: problems.length,
      });
    }
    await ctx.transact((_trx, emit) =>
      emit(
        draft('ChargesRaised', {
          batchId: uuidv7(),
          source: 'import',
          fileName: input.fileName,
          charges,
        }),
      ),
    );
    ctx.services.notify({ kind: 'fees-changed' });
    return {
      charges: charges.length,
      units: new Set(charges.map((c) => c.unitId)).size,
      totalFen: charges.reduce((n, c) => n + c.amountFen, 0),
    };
  },
};
