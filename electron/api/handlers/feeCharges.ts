import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { chargeKey, parseChargesFile, type NewCharge } from '../../../shared/import/chargesFile.js';
import { chargeAmountFen, FEE_ITEMS, type FeeItemCode } from '../../../shared/domain/fees.js';
import type { Database } from '../../../db/schema.js';
import { draft } from '../../../db/events.js';
import * as q from '../../../db/queries/fees.js';
import type { HandlerMap } from '../context.js';
import { currentPeriod, toCharge, unitRow } from './feeView.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PROBLEMS = 200;
/** A raised charge's id is derived from the form's request id: a doubled submit names the same charge. */
const RAISE_NAMESPACE = '5b0c3f0e-6f5e-4d4b-9c61-2f1f8d6b7a01';

/** A monthly item (the property fee, parking …) is charged once per unit and month, whoever raises it. */
async function monthAlreadyCharged(db: Kysely<Database>, unitId: string, item: FeeItemCode, period: string) {
  if (!FEE_ITEMS[item].monthly) return false;
  const row = await db
    .selectFrom('fee_charges')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('item', '=', item)
    .where('period', '=', period)
    .executeTakeFirst();
  return row !== undefined;
}

const alreadyCharged = async (db: Kysely<Database>) =>
  new Set(
    (await db.selectFrom('fee_charges').select(['unit_code', 'item', 'period']).execute()).map((c) =>
      chargeKey(c.unit_code, c.item, c.period),
    ),
  );

const importRefused = (problems: { line: number; column: string; message: string }[]) =>
  new ApiFailure('invalid_input', 'err.import.rows', [{ path: 'fileName', message: 'err.import.rows' }], {
    problems: problems.slice(0, MAX_PROBLEMS),
    total: problems.length,
  });

export const feeChargeHandlers: Pick<HandlerMap, 'fees:raiseCharge' | 'fees:importCharges'> = {
  /** A shift leader or manager raises a one-off charge (a repair, rubbish removal) or a month's fee by the item's rule. */
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
      chargeId: input.requestId ? uuidv5(input.requestId, RAISE_NAMESPACE) : uuidv7(),
      unitId: unit.id,
      unitCode: unit.code,
      item: input.item,
      period: input.period,
      amountFen,
      vacant: input.vacant,
      note: input.note,
    };
    // Checked inside the transaction: a second window (or a doubled submit) cannot slip in between.
    const replayed = await ctx.transact(async (trx, emit) => {
      const [earlier] = await q.chargesByIds(trx, [charge.chargeId]);
      if (earlier) return earlier;
      if (await monthAlreadyCharged(trx, unit.id, input.item, input.period)) throw fieldError('period', 'err.fee.alreadyCharged');
      await emit(draft('ChargesRaised', { batchId: uuidv7(), source: 'manual', fileName: '', charges: [charge] }));
      return null;
    });
    if (replayed) return toCharge(replayed, currentPeriod(ctx.now));
    ctx.services.notify({ kind: 'fees-changed' });
    // The Charge the caller gets: the event's unit id and code stay out (the caller named the unit).
    const { chargeId, item, period, vacant, note } = charge;
    return { chargeId, item, period, amountFen, vacant, note, paidReceiptNo: null, paidTwice: false, overdue: false };
  },

  async 'fees:importCharges'(input, ctx) {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length > MAX_FILE_BYTES) throw fieldError('fileName', 'err.import.tooLarge');
    const unitRows = await ctx.db.selectFrom('units').select(['id', 'code', 'area_m2']).execute();
    const units = new Map(unitRows.map((u) => [u.code, { id: u.id, area: u.area_m2 }]));
    const { charges, rows, problems } = await parseChargesFile(input.fileName, bytes, units, await alreadyCharged(ctx.db));
    if (problems.length) throw importRefused(problems);
    await ctx.transact(async (trx, emit) => {
      // The same file imported twice at once: the months charged meanwhile are refused, by line.
      const charged = await alreadyCharged(trx);
      const clashes = rows
        .filter(({ charge: c }) => charged.has(chargeKey(c.unitCode, c.item, c.period)))
        .map(({ line }) => ({ line, column: 'period', message: 'err.fee.alreadyCharged' }));
      if (clashes.length) throw importRefused(clashes);
      await emit(draft('ChargesRaised', { batchId: uuidv7(), source: 'import', fileName: input.fileName, charges }));
    });
    ctx.services.notify({ kind: 'fees-changed' });
    return {
      charges: charges.length,
      units: new Set(charges.map((c) => c.unitId)).size,
      totalFen: charges.reduce((n, c) => n + c.amountFen, 0),
    };
  },
};
