import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberProblem, normalizeIdNumber, residentIdCheckChar, residentIdProblem } from '../../shared/domain/idDocument.js';
import { idDocument } from '../../shared/api/fields.js';

/**
 * GB 11643-1999 MOD 11-2, written out independently of the code under test: the weight of the
 * character at 0-based position i is 2^(17-i) mod 11, and the check value is (12 - sum mod 11) mod 11,
 * with 10 written as X.
 */
function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const withCheck = (first17: string) => first17 + checkChar(first17);
const TODAY = new Date('2026-11-22T12:00:00+08:00');

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the published sample and numbers whose check character was computed by hand', () => {
    expect(checkChar('11010519491231002')).toBe('X');
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull();
    for (const first17 of ['44030819990110151', '31010420000229123', '51010719850615001', '65010219001231999']) {
      expect(residentIdProblem(withCheck(first17), TODAY)).toBeNull();
    }
  });

  it('accepts a lower-case x and surrounding or inner spaces as the desk types them', () => {
    expect(idNumberProblem('resident_id', '11010519491231002x', TODAY)).toBeNull();
    expect(idNumberProblem('resident_id', ' 110105 19491231 002X ', TODAY)).toBeNull();
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
  });

  it('rejects every wrong check character', () => {
    for (const c of '0123456789X'.split('').filter((c) => c !== 'X')) {
      expect(residentIdProblem(`11010519491231002${c}`, TODAY)).toBe('err.idNumber.checksum');
    }
    const good = withCheck('44030819990110151');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(residentIdProblem(wrong, TODAY)).toBe('err.idNumber.checksum');
  });

  it('the check character matches the independent computation for any 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(residentIdCheckChar(first17)).toBe(checkChar(first17));
      }),
    );
  });

  it('accepts any real birth date with the right check character and refuses the other ten characters', () => {
    const birth = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-21T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.integer({ min: 110000, max: 659999 }), birth, fc.integer({ min: 0, max: 999 }), (region, date, seq) => {
        const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
        const first17 = `${region}${ymd}${String(seq).padStart(3, '0')}`;
        const right = checkChar(first17);
        expect(residentIdProblem(first17 + right, TODAY)).toBeNull();
        for (const c of '0123456789X') {
          if (c !== right) expect(residentIdProblem(first17 + c, TODAY)).toBe('err.idNumber.checksum');
        }
      }),
    );
  });

  it('refuses a birth date that does not exist, even with a correct check character', () => {
    expect(residentIdProblem(withCheck('11010520230230001'), TODAY)).toBe('err.idNumber.birthDate'); // 30 Feb
    expect(residentIdProblem(withCheck('11010520230229001'), TODAY)).toBe('err.idNumber.birthDate'); // 2023 not leap
    expect(residentIdProblem(withCheck('11010520240229001'), TODAY)).toBeNull(); // 2024 leap
    expect(residentIdProblem(withCheck('11010519901301001'), TODAY)).toBe('err.idNumber.birthDate'); // month 13
    expect(residentIdProblem(withCheck('11010519900431001'), TODAY)).toBe('err.idNumber.birthDate'); // 31 April
    expect(residentIdProblem(withCheck('11010519900100001'), TODAY)).toBe('err.idNumber.birthDate'); // day 0
    expect(residentIdProblem(withCheck('11010518991231001'), TODAY)).toBe('err.idNumber.birthDate'); // before 1900
  });

  it('refuses a birth date in the future', () => {
    expect(residentIdProblem(withCheck('11010520261123001'), TODAY)).toBe('err.idNumber.birthDate');
    expect(residentIdProblem(withCheck('11010520261122001'), TODAY)).toBeNull();
    expect(idNumberProblem('resident_id', withCheck('11010520990101001'))).toBe('err.idNumber.birthDate');
  });

  it('an old 15-digit card is refused with the hint to register it as 其他证件, which accepts it', () => {
    expect(residentIdProblem('110105491231002', TODAY)).toBe('err.idNumber.residentOld15');
    expect(idNumberProblem('other', '110105491231002')).toBeNull();
    // 14 or 16 digits are no old card: the usual length message.
    expect(residentIdProblem('11010549123100', TODAY)).toBe('err.idNumber.residentFormat');
    expect(residentIdProblem('1101054912310021', TODAY)).toBe('err.idNumber.residentFormat');
  });

  it('refuses a wrong length or stray characters', () => {
    expect(residentIdProblem('11010519491231002', TODAY)).toBe('err.idNumber.residentFormat');
    expect(residentIdProblem('11010519491231002X1', TODAY)).toBe('err.idNumber.residentFormat');
    expect(residentIdProblem('1101051949123100X2', TODAY)).toBe('err.idNumber.residentFormat');
    expect(residentIdProblem('11010519491231A02X', TODAY)).toBe('err.idNumber.residentFormat');
  });

  it('refuses a region code starting with 0', () => {
    expect(residentIdProblem(withCheck('01010519491231002'), TODAY)).toBe('err.idNumber.region');
  });

  it('says the number is required when it is empty', () => {
    expect(idNumberProblem('resident_id', '')).toBe('err.required');
    expect(idNumberProblem('passport', '   ')).toBe('err.required');
  });
});

describe('other identity documents', () => {
  it('Hong Kong / Macao permits: H or M and 8 digits (10 on the old booklet)', () => {
    for (const ok of ['H12345678', 'M87654321', 'H1234567890', 'h12345678'])
      expect(idNumberProblem('hk_macao_permit', ok)).toBeNull();
    for (const bad of ['C12345678', 'H1234567', 'H123456789', '12345678', 'HM1234567']) {
      expect(idNumberProblem('hk_macao_permit', bad)).toBe('err.idNumber.hk_macao_permit');
    }
  });

  it('Taiwan permits: 8 digits (10 on the old booklet)', () => {
    for (const ok of ['12345678', '1234567890']) expect(idNumberProblem('taiwan_permit', ok)).toBeNull();
    for (const bad of ['1234567', '123456789', 'T1234567', '12345678901']) {
      expect(idNumberProblem('taiwan_permit', bad)).toBe('err.idNumber.taiwan_permit');
    }
  });

  it('passports: 5 to 17 letters and digits', () => {
    for (const ok of ['E12345678', 'G1234567', 'ab123', 'K 1234 5678']) expect(idNumberProblem('passport', ok)).toBeNull();
    for (const bad of ['E123', 'E1234567-8', '中12345678', 'A12345678901234567']) {
      expect(idNumberProblem('passport', bad)).toBe('err.idNumber.passport');
    }
  });

  it('a resident ID number is not a passport number', () => {
    expect(idNumberProblem('passport', '11010519491231002X')).toBe('err.idNumber.passport');
  });

  it('the form field stores the number normalized and reports problems at idNumber', () => {
    expect(idDocument.parse({ idType: 'resident_id', idNumber: '110105 19491231 002x' })).toEqual({
      idType: 'resident_id',
      idNumber: '11010519491231002X',
    });
    const r = idDocument.safeParse({ idType: 'resident_id', idNumber: '110105194912310021' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['idNumber', 'err.idNumber.checksum']]);
  });
});
