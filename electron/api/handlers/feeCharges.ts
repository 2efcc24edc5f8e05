import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { ChargeRow, chargeColumnOf, type ChargeColumn } from '../../../shared/api/chargeRow.js';
import type { ImportProblem } from '../../../shared/api/directoryRow.js';
import { chargeAmountFen } from '../../../shared/domain/fees.js';
import type { EventPayload } from '../../../shared/events/catalog.js';
import { draft } from '../../../db/events.js';
import { readTableFile } from '../tableFile.js';
import type { HandlerMap } from '../context.js';
import { unitRow } from './feeView.js';

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PROBLEMS = 200;
type NewCharge = EventPayload<'ChargesRaised'>['charges'][number];

/** Every row is checked first: one bad row and nothing is imported, every problem listed by line. */
async function parseCharges(fileName: string, bytes: Buffer, units: Map<string, { id: string; area: number | null }>) {
  let table;
  try {
    table = await readTableFile(fileName, bytes);
  } catch {
    throw fieldError('fileName', 'err.import.fileType');
  }
  const [header, ...rows] = table;
  if (!header || rows.length === 0) throw fieldError('fileName', 'err.import.empty');
  const columns = header.cells.map(chargeColumnOf);
  if (!(['unit', 'item', 'period'] as ChargeColumn[]).every((c) => columns.includes(c)))
    throw fieldError('fileName', 'err.fee.importHeader');
  const problems: ImportProblem[] = [];
  const charges: (NewCharge & { line: number })[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const record: Partial<Record<ChargeColumn, string>> = {};
    columns.forEach((col, i) => {
      if (col) record[col] = row.cells[i] ?? '';
    });
    const parsed = ChargeRow.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line: row.line, column: String(issue.path[0] ?? ''), message: issue.message });
      continue;
    }
    const r = parsed.data;
    const unit = units.get(r.unit);
    if (!unit) {
      problems.push({ line: row.line, column: 'unit', message: 'err.fee.unitNotFound' });
      continue;
    }
    const amountFen = chargeAmountFen(r.item, { areaM2: unit.area, amountFen: r.amount ?? undefined, vacant: r.vacant });
    if (!amountFen) {
      problems.push({ line: row.line, column: 'amount', message: r.amount === null ? 'err.fee.amountNeeded' : 'err.fee.amount' });
      continue;
    }
    const key = `${unit.id}\u0000${r.item}\u0000${r.period}`;
    if (seen.has(key)) problems.push({ line: row.line, column: 'period', message: 'err.import.duplicate' });
    seen.add(key);
    charges.push({
      chargeId: uuidv7(),
      unitId: unit.id,
      unitCode: r.unit,
      item: r.item,
      period: r.period,
      amountFen,
      vacant: r.vacant,
      note: r.note,
      line: row.line,
    });
  }
  return { charges, problems };
}

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
    const { charges, problems } = await parseCharges(input.fileName, bytes, units);
    // A month already charged (an earlier import) is a duplicate too: importing twice never bills twice.
    const existing = new Set(
      (await ctx.db.selectFrom('fee_charges').select(['unit_id', 'item', 'period']).execute()).map(
        (c) => `${c.unit_id}\u0000${c.item}\u0000${c.period}`,
      ),
    );
    for (const c of charges)
      if (existing.has(`${c.unitId}\u0000${c.item}\u0000${c.period}`))
        problems.push({ line: c.line, column: 'period', message: 'err.fee.alreadyCharged' });
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
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
          charges: charges.map(({ line: _line, ...c }) => c),
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
