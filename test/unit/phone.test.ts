import { describe, expect, it } from 'vitest';
import { displayPhone, normalizePhone, phoneProblem } from '../../shared/domain/phone.js';
import { optionalPhone, phone } from '../../shared/api/fields.js';

describe('phone numbers', () => {
  it('accepts mainland mobiles, with spaces as people read them out', () => {
    for (const ok of ['13800138000', '19912345678', '138 0013 8000', '15000000000']) expect(phoneProblem(ok)).toBeNull();
  });

  it('accepts landlines with and without the dash, with an extension, and with the area code in brackets', () => {
    for (const ok of [
      '02166668888',
      '021-66668888',
      '0755-1234567',
      '010-12345678 转 801',
      '010-12345678 ext 801',
      '(021) 66668888',
      '075512345678',
      '021-55556666-801',
      '010-12345678-801',
      '(021) 55556666-801',
    ]) {
      expect(phoneProblem(ok)).toBeNull();
    }
  });

  it('accepts +86 mobiles and international numbers', () => {
    for (const ok of [
      '+8613800138000',
      '+86 138 0013 8000',
      '+86-13800138000',
      '+85291234567',
      '+1-4155550100',
      '+44 20 7946 0958',
    ]) {
      expect(phoneProblem(ok)).toBeNull();
    }
  });

  it('accepts 400/800 service numbers', () => {
    for (const ok of ['4008001234', '400-800-1234', '800-820-8820']) expect(phoneProblem(ok)).toBeNull();
  });

  it('refuses numbers that cannot be dialled', () => {
    for (const bad of [
      '1380013800',
      '138001380001',
      '12800138000',
      '23800138000',
      'abc',
      '+86 1234',
      '+8612800138000',
      '021-123',
      '021-123-801',
    ]) {
      expect(phoneProblem(bad), bad).toBe('err.phone.format');
    }
  });

  it('an empty phone is required where the field is required, and allowed where it is optional', () => {
    expect(phoneProblem('')).toBe('err.required');
    expect(phone.safeParse('').success).toBe(false);
    expect(optionalPhone.parse(undefined)).toBe('');
    expect(optionalPhone.safeParse('12345').success).toBe(false);
  });

  it('the field stores one canonical form, so the same number always matches', () => {
    expect(normalizePhone(' (021) 6666 8888 ')).toBe('02166668888');
    expect(normalizePhone('021-6666-8888')).toBe('02166668888');
    expect(normalizePhone('+86 21 6666 8888')).toBe('02166668888');
    expect(normalizePhone('+86 138 0013 8000')).toBe('13800138000');
    expect(normalizePhone('138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('010-12345678 转 801')).toBe('01012345678x801');
    // An extension after a second dash is an extension; a landline written in two dashed groups is not.
    expect(normalizePhone('021-55556666-801')).toBe('02155556666x801');
    expect(normalizePhone('0755-1234-5678')).toBe('075512345678');
    expect(normalizePhone('+1 415 555 0100')).toBe('+14155550100');
    expect(phone.parse('138 0013 8000')).toBe('13800138000');
  });

  it('a revealed number is shown the way it is dialled: area code, number, extension', () => {
    expect(displayPhone('13800138000')).toBe('13800138000');
    expect(displayPhone('02155556666')).toBe('021-55556666');
    expect(displayPhone('02155556666x818')).toBe('021-55556666转818');
    expect(displayPhone('075512345678x8001')).toBe('0755-12345678转8001');
    expect(displayPhone('4008001234')).toBe('4008001234');
    expect(displayPhone('+85291234567')).toBe('+85291234567');
  });
});
