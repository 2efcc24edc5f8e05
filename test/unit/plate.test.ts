import { describe, expect, it } from 'vitest';
import { normalizePlate, plateProblem } from '../../shared/domain/plate.js';

describe('licence plates', () => {
  it('accepts mainland fuel and new-energy plates and special suffixes', () => {
    for (const ok of ['京A12345', '沪B8C9D1', '粤BD12345', '苏E1234学', '京A1234挂', '粤Z1234港'])
      expect(plateProblem(ok), ok).toBeNull();
  });

  it('accepts the plate as people type it: lower case, spaces, dot or dash', () => {
    expect(normalizePlate('京a·12345')).toBe('京A12345');
    expect(normalizePlate(' 沪 b-8c9d1 ')).toBe('沪B8C9D1');
    for (const ok of ['京a 12345', '京A·12345', '沪b-8c9d1']) expect(plateProblem(ok), ok).toBeNull();
  });

  it('an empty plate means no vehicle', () => {
    expect(plateProblem('')).toBeNull();
    expect(plateProblem('  ')).toBeNull();
  });

  it('accepts plain foreign or special plates of 4 to 10 letters and digits', () => {
    for (const ok of ['ABC123', 'WJ12345', '1234']) expect(plateProblem(ok), ok).toBeNull();
  });

  it('refuses what cannot be a plate', () => {
    for (const bad of [
      '京A1234',
      '京A1234567',
      '京AI2345',
      '京AO2345',
      '京12345',
      'A京12345',
      '京A12@45',
      'ABC',
      'ABCDEFGHIJK',
      '京A12345!',
    ]) {
      expect(plateProblem(bad), bad).toBe('err.plate.format');
    }
  });
});
