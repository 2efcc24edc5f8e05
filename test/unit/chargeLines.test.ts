import { describe, expect, it } from 'vitest';
import { lineRows, toggleRow } from '../../shared/domain/chargeLines.js';

const due = [
  { chargeId: 'p-11', period: '2026-11' },
  { chargeId: 'p-10', period: '2026-10' },
  { chargeId: 'c-10', period: '2026-10' },
];

describe('the lines to pay, by month', () => {
  it('lists the oldest month first, each month row followed by its lines', () => {
    expect(lineRows(due).map((r) => r.key)).toEqual(['m:2026-10', 'p-10', 'c-10', 'm:2026-11', 'p-11']);
  });

  it('Space on a month ticks all its lines, keeping what else was ticked; again unticks only that month', () => {
    const [oct, , , nov] = lineRows(due);
    const ticked = toggleRow(oct, ['p-11']);
    expect(ticked.sort()).toEqual(['c-10', 'p-10', 'p-11']);
    expect(toggleRow(oct, ticked)).toEqual(['p-11']);
    expect(toggleRow(nov, [])).toEqual(['p-11']);
  });

  it('a month partly ticked is ticked whole, not unticked', () => {
    const [oct, parking] = [lineRows(due)[0], lineRows(due)[2]];
    const partly = toggleRow(parking, []);
    expect(partly).toEqual(['c-10']);
    expect(toggleRow(oct, partly).sort()).toEqual(['c-10', 'p-10']);
  });
});
