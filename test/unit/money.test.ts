import { describe, expect, it } from 'vitest';
import { amountInCapitals, parseYuan } from '../../shared/domain/money.js';

/**
 * Written from the rules for filling in bills (正确填写票据和结算凭证的基本规定), not from the
 * code: 零 for inner zeros (one for a run), none for zeros ending a group, 壹拾 with its digit,
 * 零 before 角 when the 元 digit is 0, 零 before 分 when 角 is 0, 整 after 元 or 角, none after 分.
 */
const TABLE: [number, string][] = [
  [0, '零元整'],
  [1, '壹分'],
  [5, '伍分'],
  [10, '壹角整'],
  [15, '壹角伍分'],
  [50, '伍角整'],
  [99, '玖角玖分'],
  [100, '壹元整'],
  [101, '壹元零壹分'],
  [110, '壹元壹角整'],
  [1000, '壹拾元整'],
  [1001, '壹拾元零壹分'],
  [1010, '壹拾元零壹角整'],
  [1100, '壹拾壹元整'],
  [2000, '贰拾元整'],
  [10_000, '壹佰元整'],
  [10_010, '壹佰元零壹角整'],
  [10_500, '壹佰零伍元整'],
  [11_000, '壹佰壹拾元整'],
  [32_504, '叁佰贰拾伍元零肆分'],
  [100_000, '壹仟元整'],
  [100_100, '壹仟零壹元整'],
  [101_000, '壹仟零壹拾元整'],
  [140_950, '壹仟肆佰零玖元伍角整'],
  [168_032, '壹仟陆佰捌拾元零叁角贰分'],
  [1_000_000, '壹万元整'],
  [1_010_000, '壹万零壹佰元整'],
  [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
  [10_000_000, '壹拾万元整'],
  // Where the rules allow one 零 or none (万 digit 0 before 仟, 元 digit 0 before 角), we always write it.
  [10_700_053, '壹拾万零柒仟元零伍角叁分'],
  [11_000_000, '壹拾壹万元整'],
  [10_010_000, '壹拾万零壹佰元整'],
  [100_000_000, '壹佰万元整'],
  [100_010_000, '壹佰万零壹佰元整'],
  [110_000_000, '壹佰壹拾万元整'],
  [1_000_100_000, '壹仟万零壹仟元整'],
  [1_001_000_000, '壹仟零壹万元整'],
  [2_000_000_000, '贰仟万元整'],
  [10_000_000_000, '壹亿元整'],
  [10_001_000_001, '壹亿零壹万元零壹分'],
  [10_000_000_100, '壹亿零壹元整'],
  [12_345_678_912, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'],
  [100_000_000_000, '壹拾亿元整'],
  [1_000_000_000_000, '壹佰亿元整'],
  [999_999_999_999, '玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  [30_000_000_000_000, '叁仟亿元整'],
  [100_000_000_000_000, '壹万亿元整'],
];

describe('amount in Chinese capitals (大写金额)', () => {
  it.each(TABLE)('%i fen → %s', (fen, words) => {
    expect(amountInCapitals(fen)).toBe(words);
  });

  it('the table covers the required amounts (0.00, 0.05, 10.00, 100.10, 1,000,000.00, 100,010,000.01, 10,000,000,000.00)', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    const fens = new Set(TABLE.map(([f]) => f));
    for (const f of [0, 5, 1000, 10_010, 100_000_000, 10_001_000_001, 1_000_000_000_000]) expect(fens.has(f)).toBe(true);
  });

  it.each([-1, -100, 0.5, 100.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s fen', (fen) => {
    expect(() => amountInCapitals(fen)).toThrow(RangeError);
  });
});

describe('parsing what the cashier typed', () => {
  it.each([
    ['1409.5', 140_950],
    ['1409.50', 140_950],
    ['¥1,409.50', 140_950],
    ['0.05', 5],
    [' 12 ', 1200],
    ['0', 0],
  ])('%s → %i fen', (text, fen) => expect(parseYuan(text)).toBe(fen));

  it.each(['', 'abc', '12.345', '-5', '1e3', '12.', '.5', '１２', '12元'])('"%s" is not an amount', (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});
