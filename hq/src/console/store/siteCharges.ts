import { sql, type Kysely } from 'kysely';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { chargeAmountFen, FEE_ITEMS } from '../../../../shared/domain/fees.js';
import type { NewCharge } from '../../../../shared/import/chargesFile.js';
import type { HqDatabase } from '../../pg/schema.js';
import { appendMasterEvent } from '../../store/admin.js';
import { siteDirectory } from '../../store/masterImport.js';
import { fieldError } from '../contract/errors.js';
import type { RaiseChargeInput } from '../contract/directory.js';

type Db = Kysely<HqDatabase>;

/** A raised charge's id comes from the form's request id, as at the desk: a doubled submit names one charge. */
const RAISE_NAMESPACE = 'c7d0b8a4-5e0f-4f4a-a6d9-1c2b3e4f5a60';

/** The form's charge as the contract parsed it (the amount in fen, 0 for an item charged by area). */
export type RaiseCharge = Omit<z.output<typeof RaiseChargeInput>, 'siteId'>;

/**
 * A one-off charge raised at HQ, by the desk's rules (electron/api/handlers/feeCharges.ts): the amount by
 * the item's rule, a monthly item charged once per unit and month. It flows down as ChargesRaised.
 */
export async function raiseSiteCharge(trx: Db, siteId: string, input: RaiseCharge): Promise<NewCharge> {
  // Under the site's lock: two submits of one month cannot both pass the check below.
  await sql`SELECT 1 FROM sites WHERE id = ${siteId} FOR UPDATE`.execute(trx);
  const unit = (await siteDirectory(trx, siteId)).units.get(input.unitCode.toUpperCase());
  if (!unit) throw fieldError('unitCode', 'err.fee.unitNotFound');
  const amountFen = chargeAmountFen(input.item, {
    areaM2: unit.area,
    amountFen: input.amount || undefined,
    vacant: input.vacant,
  });
  if (!amountFen) throw fieldError('amount', input.amount ? 'err.fee.amount' : 'err.fee.amountNeeded');
  const chargeId = input.requestId ? uuidv5(input.requestId, RAISE_NAMESPACE) : uuidv7();
  const charge: NewCharge = {
    chargeId,
    unitId: unit.id,
    unitCode: input.unitCode.toUpperCase(),
    item: input.item,
    period: input.period,
    amountFen,
    vacant: input.vacant,
    note: input.note,
  };
  const { rows } = await sql<{ id: string; item: string }>`
    SELECT id, item FROM hq_fee_charges WHERE site_id = ${siteId} AND (id = ${chargeId}
      OR (unit_code = ${charge.unitCode} AND item = ${input.item} AND period = ${input.period}))`.execute(trx);
  if (rows.some((r) => r.id === chargeId)) return charge;
  if (FEE_ITEMS[input.item].monthly && rows.length) throw fieldError('period', 'err.fee.alreadyCharged');
  await appendMasterEvent(trx, siteId, 'ChargesRaised', { batchId: uuidv7(), source: 'manual', fileName: '', charges: [charge] });
  return charge;
}
