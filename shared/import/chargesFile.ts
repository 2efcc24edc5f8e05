import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '../api/result.js';
import { ChargeRow, chargeColumnOf, type ChargeColumn } from '../api/chargeRow.js';
import type { ImportProblem } from '../api/directoryRow.js';
import { chargeAmountFen } from '../domain/fees.js';
import type { EventPayload } from '../events/catalog.js';
import { readRecords, rowProblems } from './tableFile.js';

export type NewCharge = EventPayload<'ChargesRaised'>['charges'][number];

/** `unit|item|period`: a month of one item is charged once, whoever imports it. */
export const chargeKey = (unitCode: string, item: string, period: string) => `${unitCode}\u0000${item}\u0000${period}`;

/**
 * Reads a charges file (应收: unit, item, period, amount …) and checks every row first against the
 * units known here and the months already charged; the desk and HQ import by the same rules.
 */
export async function parseChargesFile(
  fileName: string,
  bytes: Buffer,
  units: Map<string, { id: string; area: number | null }>,
  alreadyCharged: Set<string>,
) {
  const { columns, records } = await readRecords(fileName, bytes, chargeColumnOf);
  if (!columns || records.length === 0) throw fieldError('fileName', 'err.import.empty');
  if (!(['unit', 'item', 'period'] as ChargeColumn[]).every((c) => columns.includes(c)))
    throw fieldError('fileName', 'err.fee.importHeader');
  const problems: ImportProblem[] = [];
  /** Each charge with the file line it came from. */
  const rows: { charge: NewCharge; line: number }[] = [];
  const seen = new Set<string>();
  for (const { line, record } of records) {
    const parsed = ChargeRow.safeParse(record);
    if (!parsed.success) {
      problems.push(...rowProblems(line, parsed.error.issues));
      continue;
    }
    const r = parsed.data;
    const unit = units.get(r.unit);
    if (!unit) {
      problems.push({ line, column: 'unit', message: 'err.fee.unitNotFound' });
      continue;
    }
    const amountFen = chargeAmountFen(r.item, { areaM2: unit.area, amountFen: r.amount ?? undefined, vacant: r.vacant });
    if (!amountFen) {
      problems.push({ line, column: 'amount', message: r.amount === null ? 'err.fee.amountNeeded' : 'err.fee.amount' });
      continue;
    }
    const key = chargeKey(r.unit, r.item, r.period);
    // A month already charged (an earlier import) is refused too: importing twice never bills twice.
    if (alreadyCharged.has(key)) problems.push({ line, column: 'period', message: 'err.fee.alreadyCharged' });
    else if (seen.has(key)) problems.push({ line, column: 'period', message: 'err.import.duplicate' });
    seen.add(key);
    rows.push({
      line,
      charge: {
        chargeId: uuidv7(),
        unitId: unit.id,
        unitCode: r.unit,
        item: r.item,
        period: r.period,
        amountFen,
        vacant: r.vacant,
        note: r.note,
      },
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { charges: rows.map((r) => r.charge), rows, problems };
}
