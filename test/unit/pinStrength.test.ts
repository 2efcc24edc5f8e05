import { describe, expect, it } from 'vitest';
import { weakPinReason } from '../../shared/domain/pinStrength.js';
import { CreateStaffInput, SetupInput } from '../../shared/api/schemas.js';

describe('weak PINs are refused when a PIN is set', () => {
  it('one digit repeated, at any length', () => {
    for (const pin of ['0000', '1111', '99999', '000000', '77777777'])
      expect(weakPinReason(pin, 'R001', 'receptionist'), pin).toBe('err.pin.weak');
  });

  it('ascending and descending runs, not wrapping', () => {
    for (const pin of ['1234', '0123', '4321', '9876', '123456', '654321', '23456789', '98765432'])
      expect(weakPinReason(pin, 'R001', 'receptionist'), pin).toBe('err.pin.weak');
    for (const pin of ['8901', '1235', '1243', '2109', '1357'])
      expect(weakPinReason(pin, 'R001', 'receptionist'), pin).toBeNull();
  });

  it('the staff number itself, or its digits', () => {
    expect(weakPinReason('2048', '2048', 'receptionist')).toBe('err.pin.weak');
    expect(weakPinReason('2048', 'R2048', 'receptionist')).toBe('err.pin.weak');
    expect(weakPinReason('2049', 'R2048', 'receptionist')).toBeNull();
  });

  it('admins and managers need 6 digits or more; shift leaders, receptionists and guards 4', () => {
    expect(weakPinReason('8642', 'A001', 'admin')).toBe('err.pin.shortForRole');
    expect(weakPinReason('86420', 'M001', 'manager')).toBe('err.pin.shortForRole');
    expect(weakPinReason('864209', 'M001', 'manager')).toBeNull();
    expect(weakPinReason('123456', 'A001', 'admin')).toBe('err.pin.weak');
    for (const role of ['shift_leader', 'receptionist', 'guard'] as const) expect(weakPinReason('8642', 'S001', role)).toBeNull();
  });

  it('the staff form and the first admin at setup refuse them at the PIN field', () => {
    const staff = CreateStaffInput.safeParse({ staffNo: 'M001', name: '周经理', role: 'manager', pin: '2580' });
    expect(staff.success ? [] : staff.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['pin', 'err.pin.shortForRole'],
    ]);
    const setup = SetupInput.safeParse({
      siteName: '华远大厦',
      siteCode: 'HY',
      siteKind: 'office',
      deviceCode: 'A1',
      admin: { staffNo: 'A001', name: '王经理', pin: '111111' },
    });
    expect(setup.success ? [] : setup.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['admin.pin', 'err.pin.weak'],
    ]);
    expect(CreateStaffInput.safeParse({ staffNo: 'R001', name: '小李', role: 'receptionist', pin: '1357' }).success).toBe(true);
  });
});
