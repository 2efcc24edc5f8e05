import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '../api/result.js';
import { ChargeRow, chargeColumnOf, type ChargeColumn } from '../api/chargeRow.js';
import type { ImportProblem } from '../api/directoryRow.js';
import { chargeAmountFen } from '../domain/fees.js';
import type { EventPayload } from '../events/catalog.js';
import { readTableFile } from './tableFile.js';

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
    const key = chargeKey(r.unit, r.item, r.period);
    // A month already charged (an earlier import) is refused too: importing twice never bills twice.
    if (alreadyCharged.has(key)) problems.push({ line: row.line, column: 'period', message: 'err.fee.alreadyCharged' });
    else if (seen.has(key)) problems.push({ line: row.line, column: 'period', message: 'err.import.duplicate' });
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
  problems.sort((a, b) => a.line - b.line);
  return { charges: charges.map(({ line: _line, ...c }) => c), problems };
}
