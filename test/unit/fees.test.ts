import { describe, expect, it } from 'vitest';
import { arrearsAge, chargeAmountFen, collectionRatePermille, feeItemOf, FEE_ITEMS } from '../../shared/domain/fees.js';

describe('fee item rules', () => {
  it('the property fee is area × rate per month, rounded to the fen', () => {
    expect(chargeAmountFen('property', { areaM2: 89.5, vacant: false })).toBe(22_375); // 89.5 m² × ¥2.50
    expect(chargeAmountFen('property', { areaM2: 120, rateFen: 330, vacant: false })).toBe(39_600);
    expect(chargeAmountFen('property', { areaM2: 33.33, rateFen: 333, vacant: false })).toBe(11_099); // 11098.89
  });

  it('a vacant flat in custody pays 70% of the property fee — data on the item, not a special case', () => {
    expect(FEE_ITEMS.property.vacantFactorPct).toBe(70);
    expect(chargeAmountFen('property', { areaM2: 100, vacant: true })).toBe(17_500);
    // Items without a vacancy rule charge in full whether or not the flat is vacant.
    expect(chargeAmountFen('parking', { areaM2: 100, amountFen: 30_000, vacant: true })).toBe(30_000);
  });

  it('a fixed-amount item needs its amount; an area item needs the unit area', () => {
    expect(chargeAmountFen('repair', { areaM2: 90, vacant: false })).toBeNull();
    expect(chargeAmountFen('property', { areaM2: null, vacant: false })).toBeNull();
  });

  it('items are read in Chinese or English', () => {
    expect(feeItemOf('物业管理费')).toBe('property');
    expect(feeItemOf('Parking')).toBe('parking');
    expect(feeItemOf('洗车费')).toBeUndefined();
  });

  it('arrears age: this month is due, then 1, 2 and 3+ months', () => {
    expect(arrearsAge('2026-11', '2026-11')).toBe(0);
    expect(arrearsAge('2026-10', '2026-11')).toBe(1);
    expect(arrearsAge('2026-09', '2026-11')).toBe(2);
    expect(arrearsAge('2025-12', '2026-11')).toBe(3);
  });

  it('collection rate in per mille', () => {
    expect(collectionRatePermille(58, 100)).toBe(580);
    expect(collectionRatePermille(0, 0)).toBe(1000);
  });
});
