import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEVICE_CODE,
  SITE_CODE,
  formatReceiptNo,
  formatReleasePassNo,
  formatVisitorPassNo,
  parseReleasePassNo,
  parseVisitorPassNo,
} from '../../shared/domain/numbering.js';

const site = fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/);
const device = fc.stringMatching(/^[A-Z0-9]{1,4}$/);
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));

describe('receipt numbers', () => {
  it('are {SITE}-{DEVICE}-{YYYY}-{NNNNNN}', () => {
    expect(formatReceiptNo('HY', 'A1', 2026, 1)).toBe('HY-A1-2026-000001');
    expect(formatReceiptNo('HY', 'A1', 2026, 999_999)).toBe('HY-A1-2026-999999');
  });

  it('refuse a sequence outside 1..999999 or not a whole number', () => {
    for (const n of [0, -1, 1_000_000, 1.5, Number.NaN]) expect(() => formatReceiptNo('HY', 'A1', 2026, n)).toThrow(RangeError);
  });

  it('sort in the order they were issued', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_998 }), fc.integer({ min: 1, max: 999_998 }), (a, b) => {
        fc.pre(a !== b);
        const [x, y] = [formatReceiptNo('HY', 'A1', 2026, a), formatReceiptNo('HY', 'A1', 2026, b)];
        expect(x < y).toBe(a < b);
      }),
    );
  });
});

describe('visitor pass numbers', () => {
  it('are {SITE}-{DEVICE}-V{YYMMDD}-{NNNN}', () => {
    expect(formatVisitorPassNo('HY', 'A1', '20261122', 1)).toBe('HY-A1-V261122-0001');
    expect(formatVisitorPassNo('HY', 'A1', '20261122', 9999)).toBe('HY-A1-V261122-9999');
  });

  it('refuse a sequence outside 1..9999 or a day not written YYYYMMDD', () => {
    for (const n of [0, -1, 10_000, 2.5]) expect(() => formatVisitorPassNo('HY', 'A1', '20261122', n)).toThrow(RangeError);
    for (const d of ['2026-11-22', '261122', '2026112', 'abcdefgh'])
      expect(() => formatVisitorPassNo('HY', 'A1', d, 1)).toThrow(RangeError);
  });

  it('read back as they were written, whatever the case or surrounding spaces a scanner adds', () => {
    fc.assert(
      fc.property(site, device, day, fc.integer({ min: 1, max: 9999 }), fc.boolean(), (s, d, yyyymmdd, n, lower) => {
        const passNo = formatVisitorPassNo(s, d, yyyymmdd, n);
        expect(SITE_CODE.test(s) && DEVICE_CODE.test(d)).toBe(true);
        const typed = lower ? ` ${passNo.toLowerCase()}\n` : passNo;
        expect(parseVisitorPassNo(typed)).toEqual({ site: s, device: d, day: yyyymmdd, n });
      }),
    );
  });

  it('anything else is not a pass number', () => {
    for (const bad of [
      '',
      'HY-A1-V261122-001',
      'HY-A1-261122-0001',
      'HY-A1-V2611220-0001',
      'H-A1-V261122-0001',
      'HY-A12345-V261122-0001',
      'HY_A1_V261122_0001',
    ]) {
      expect(parseVisitorPassNo(bad)).toBeNull();
    }
  });
});

describe('release pass numbers', () => {
  it('are {SITE}-{DEVICE}-P{YYMMDD}-{NNNN}', () => {
    expect(formatReleasePassNo('HY', 'A1', '20261122', 1)).toBe('HY-A1-P261122-0001');
    expect(formatReleasePassNo('HY', 'A1', '20261122', 9999)).toBe('HY-A1-P261122-9999');
  });

  it('refuse a sequence outside 1..9999 or a day not written YYYYMMDD', () => {
    for (const n of [0, -1, 10_000, 2.5]) expect(() => formatReleasePassNo('HY', 'A1', '20261122', n)).toThrow(RangeError);
    for (const d of ['2026-11-22', '261122']) expect(() => formatReleasePassNo('HY', 'A1', d, 1)).toThrow(RangeError);
  });

  it('read back as written, and are never taken for a visitor pass (nor the other way round)', () => {
    fc.assert(
      fc.property(site, device, day, fc.integer({ min: 1, max: 9999 }), fc.boolean(), (s, d, yyyymmdd, n, lower) => {
        const passNo = formatReleasePassNo(s, d, yyyymmdd, n);
        const typed = lower ? ` ${passNo.toLowerCase()}\n` : passNo;
        expect(parseReleasePassNo(typed)).toEqual({ site: s, device: d, day: yyyymmdd, n });
        expect(parseVisitorPassNo(passNo)).toBeNull();
        expect(parseReleasePassNo(formatVisitorPassNo(s, d, yyyymmdd, n))).toBeNull();
      }),
    );
  });

  it('sort in the order they were issued within a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        fc.pre(a !== b);
        const [x, y] = [formatReleasePassNo('HY', 'A1', '20261122', a), formatReleasePassNo('HY', 'A1', '20261122', b)];
        expect(x < y).toBe(a < b);
      }),
    );
  });
});
