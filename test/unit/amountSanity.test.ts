import { describe, expect, it } from 'vitest';
import { DENOMINATIONS, needsLargeConfirmation, parseTypedYuan, parseYuan } from '../../shared/domain/money.js';
import { fmtSignedYuan } from '../../shared/print/format.js';

describe('typed amounts: a thousands separator is refused, never dropped', () => {
  it.each(['1,000', '1,000.00', '¥1,000', '10,000,000.00', '1，000', "1'000", '1\u2009000', '223,75'])(
    '"%s" is refused as a separator',
    (t) => {
      expect(parseTypedYuan(t)).toEqual({ ok: false, reason: 'separator' });
    },
  );
  it.each([
    ['1000', 100_000],
    ['¥1000.5', 100_050],
    ['￥0.05', 5],
  ])('"%s" reads as %i fen', (t, fen) => expect(parseTypedYuan(t)).toEqual({ ok: true, fen }));
  it.each(['', 'abc', '1.000.00', '12.345', ',5', '5,'])('"%s" is not an amount', (t) => {
    expect(parseTypedYuan(t)).toEqual({ ok: false, reason: 'format' });
  });
  it('a file cell formatted by a spreadsheet keeps its separators', () => {
    expect(parseYuan('¥1,409.50')).toBe(140_950);
  });
});

describe('large payments', () => {
  it('ask above the limit, not at it', () => {
    expect(needsLargeConfirmation(5_000_000, 5_000_000)).toBe(false);
    expect(needsLargeConfirmation(5_000_001, 5_000_000)).toBe(true);
  });
});

describe('variances are written one way', () => {
  it.each([
    [-506, '\u2212¥5.06'],
    [506, '+¥5.06'],
    [0, '¥0.00'],
    [-123_456_78, '\u2212¥123,456.78'],
  ])('%i fen → %s', (fen, text) => expect(fmtSignedYuan(fen)).toBe(text));
});

describe('drawer denominations', () => {
  it('go down to one fen, so a count after a ¥0.05 receipt can balance', () => {
    expect(DENOMINATIONS.slice(-3)).toEqual([5, 2, 1]);
    // ¥223.75 + ¥0.05 = ¥223.80 in the largest notes and coins available.
    let rest = 22_380;
    const used = DENOMINATIONS.map((d) => {
      const n = Math.floor(rest / d);
      rest -= n * d;
      return n;
    });
    expect(rest).toBe(0);
    expect(used.reduce((n, c, i) => n + c * DENOMINATIONS[i], 0)).toBe(22_380);
  });
});
