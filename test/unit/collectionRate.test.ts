import { describe, expect, it } from 'vitest';
import { collectionRates, ratePermille, type MonthCharge } from '../../shared/domain/collection.js';

/**
 * Issue 12's December: 92 units each charged ¥305.00 property fee (122 m² × ¥2.50), one of them
 * paid; one ¥1,000,000.09 service charge, paid. The old rate over all items by amount said 97.3%.
 */
function december(): MonthCharge[] {
  const units = Array.from({ length: 92 }, (_, i) => `unit-${i + 1}`);
  return [
    ...units.map((unitId, i) => ({ unitId, item: 'property' as const, amountFen: 30_500, paid: i === 0 })),
    { unitId: 'unit-7', item: 'service', amountFen: 100_000_009, paid: true },
  ];
}

describe('collection rate as management watches it', () => {
  it('issue 12: 1 of 92 units paid its property fee reads 1.1%, the all-items 97.3% is shown beside it', () => {
    const r = collectionRates(december());
    expect(r.propertyUnits).toEqual({ paid: 1, due: 92, permille: 11 });
    expect(r.propertyAmount).toEqual({ paid: 30_500, due: 92 * 30_500, permille: 11 });
    expect(r.allItems).toEqual({ paid: 30_500 + 100_000_009, due: 92 * 30_500 + 100_000_009, permille: 973 });
  });

  it('a unit counts as paid only when every property line of the month is paid', () => {
    const r = collectionRates([
      { unitId: 'a', item: 'property', amountFen: 10_000, paid: true },
      { unitId: 'a', item: 'property', amountFen: 5_000, paid: false },
      { unitId: 'b', item: 'property', amountFen: 10_000, paid: true },
      { unitId: 'b', item: 'parking', amountFen: 30_000, paid: false },
    ]);
    expect(r.propertyUnits).toEqual({ paid: 1, due: 2, permille: 500 });
    expect(r.propertyAmount).toEqual({ paid: 20_000, due: 25_000, permille: 800 });
    expect(r.allItems).toEqual({ paid: 20_000, due: 55_000, permille: 364 });
  });

  it('never 100% while something is owed, never 0% once something is paid, no rate when nothing fell due', () => {
    expect(ratePermille(91_999, 92_000)).toBe(999);
    expect(ratePermille(1, 2_000)).toBe(1);
    expect(ratePermille(92, 92)).toBe(1000);
    expect(ratePermille(0, 92)).toBe(0);
    expect(ratePermille(0, 0)).toBeNull();
    expect(collectionRates([]).propertyUnits).toEqual({ paid: 0, due: 0, permille: null });
  });
});
