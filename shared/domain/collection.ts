import { collectionRatePermille, type FeeItemCode } from './fees.js';

/** One charge of the month as the collection rate sees it: whose, what, how much, and whether it is paid. */
export interface MonthCharge {
  unitId: string;
  item: FeeItemCode;
  amountFen: number;
  paid: boolean;
}

/** Paid of due (units or fen), and the rate in per mille; null when nothing fell due. */
export interface Rate {
  paid: number;
  due: number;
  permille: number | null;
}

export interface CollectionRates {
  /** 物业费收缴率 by units: units whose property fee of the month is paid in full, of units charged it. */
  propertyUnits: Rate;
  /** 物业费收缴率 by amount: property fee paid of property fee due. */
  propertyAmount: Rate;
  /** Every item of the month by amount, shown beside (one large one-off charge can swing it). */
  allItems: Rate;
}

/**
 * Rounded to the per mille, but never 100% while anything is owed and never 0% once something is
 * paid: 91 of 92 units must not read as "all collected", 1 of 2,000 not as "nothing".
 */
export function ratePermille(paid: number, due: number): number | null {
  if (due <= 0) return null;
  const r = collectionRatePermille(paid, due);
  if (paid < due && r >= 1000) return 999;
  if (paid > 0 && r <= 0) return 1;
  return r;
}

const rate = (paid: number, due: number): Rate => ({ paid, due, permille: ratePermille(paid, due) });

/**
 * The month's collection rates as management watches them: the property fee (物业管理费) by units
 * and by amount, with the all-items rate by amount beside it. A unit with several property lines
 * in the month counts as paid only when all of them are.
 */
export function collectionRates(charges: readonly MonthCharge[]): CollectionRates {
  const property = charges.filter((c) => c.item === 'property');
  const unitPaid = new Map<string, boolean>();
  for (const c of property) unitPaid.set(c.unitId, (unitPaid.get(c.unitId) ?? true) && c.paid);
  const sum = (list: readonly MonthCharge[]) => list.reduce((n, c) => n + c.amountFen, 0);
  const paidOf = (list: readonly MonthCharge[]) => sum(list.filter((c) => c.paid));
  return {
    propertyUnits: rate([...unitPaid.values()].filter(Boolean).length, unitPaid.size),
    propertyAmount: rate(paidOf(property), sum(property)),
    allItems: rate(paidOf(charges), sum(charges)),
  };
}
