import { describe, expect, it } from 'vitest';
import { authorityNeeded, passVerdict, windowProblem } from '../../shared/domain/releasePass.js';
import { ROLES, roleAtLeast } from '../../shared/domain/staff.js';

const pass = (status: 'issued' | 'released' | 'cancelled') => ({
  status,
  validFrom: '2026-11-22T01:00:00.000Z',
  validUntil: '2026-11-22T10:00:00.000Z',
});

describe('release pass rules', () => {
  it('the verdict at the gate: only an issued pass inside its window is valid', () => {
    expect(passVerdict(pass('issued'), new Date('2026-11-22T00:59:59Z'))).toBe('not_yet_valid');
    expect(passVerdict(pass('issued'), new Date('2026-11-22T01:00:00Z'))).toBe('valid');
    expect(passVerdict(pass('issued'), new Date('2026-11-22T10:00:00Z'))).toBe('valid');
    expect(passVerdict(pass('issued'), new Date('2026-11-22T10:00:01Z'))).toBe('expired');
    // Closed passes say why, inside the window or not.
    expect(passVerdict(pass('released'), new Date('2026-11-22T05:00:00Z'))).toBe('used');
    expect(passVerdict(pass('cancelled'), new Date('2026-11-22T05:00:00Z'))).toBe('cancelled');
  });

  it('whose consent: owner for tenants and agents, the company contact for company staff and agents of a company', () => {
    expect(authorityNeeded('owner', false)).toBeNull();
    expect(authorityNeeded('tenant', false)).toBe('owner');
    expect(authorityNeeded('agent', false)).toBe('owner');
    expect(authorityNeeded('agent', true)).toBe('company');
    expect(authorityNeeded('company_staff', false)).toBe('company');
  });

  it('the window: after its start, at most 7 days', () => {
    expect(windowProblem('2026-11-22T01:00:00Z', '2026-11-29T01:00:00Z')).toBeNull();
    expect(windowProblem('2026-11-22T01:00:00Z', '2026-11-29T01:00:01Z')).toBe('err.pass.windowTooLong');
    expect(windowProblem('2026-11-22T01:00:00Z', '2026-11-22T01:00:00Z')).toBe('err.pass.windowOrder');
  });
});

describe('the guard role', () => {
  it('reaches the gate and nothing at the desk; every desk role reaches the gate too', () => {
    expect(roleAtLeast('guard', 'guard')).toBe(true);
    for (const desk of ['receptionist', 'shift_leader', 'manager', 'admin'] as const) {
      expect(roleAtLeast('guard', desk)).toBe(false);
      expect(roleAtLeast(desk, 'guard')).toBe(true);
    }
    expect(ROLES).toContain('guard');
  });
});
