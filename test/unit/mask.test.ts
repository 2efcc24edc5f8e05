import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../shared/domain/mask.js';

describe('masking personal data', () => {
  it('a resident ID shows the first 6 and last 4 characters only', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('any 18-character ID keeps first 6 + last 4 and hides the 8 in between (the birth date)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}[0-9X]$/), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(18);
        expect(m.slice(0, 6)).toBe(id.slice(0, 6));
        expect(m.slice(-4)).toBe(id.slice(-4));
        expect(m.slice(6, 14)).toBe('********');
      }),
    );
  });

  it('short document numbers are masked too, never shown whole', () => {
    expect(maskIdNumber('H12345678')).toBe('H1*****78');
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('AB12')).toBe('****');
    expect(maskIdNumber('')).toBe('');
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{5,30}$/), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(id.length);
        expect(m).not.toBe(id);
        expect(m).toContain('*');
      }),
    );
  });

  it('a mobile shows the first 3 and last 4 digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('landlines keep their separators and hide the middle digits', () => {
    expect(maskPhone('021-66668888')).toBe('021-****8888');
    expect(maskPhone('02166668888')).toBe('021****8888');
    expect(maskPhone('0755-1234567')).toBe('075*-***4567');
    // A local number without its area code still hides its middle digits.
    expect(maskPhone('66668888')).toBe('66**8888');
  });

  it('a switchboard with an extension reads as area-code, switchboard with its last 4 hidden, and the extension', () => {
    expect(maskPhone('02155556666x818')).toBe('021-5555****转818');
    expect(maskPhone('021-5555 6666 转 818')).toBe('021-5555****转818');
    expect(maskPhone('01012345678x801')).toBe('010-1234****转801');
    expect(maskPhone('075512345678x8001')).toBe('0755-1234****转8001');
    expect(maskPhone('07551234567x12')).toBe('0755-123****转12');
    // Never the whole switchboard number.
    expect(maskPhone('02155556666x818')).not.toContain('6666');
  });

  it('+86 and international numbers keep the plus sign and their last 4 digits', () => {
    const m = maskPhone('+8613800138000');
    expect(m.startsWith('+')).toBe(true);
    expect(m.endsWith('8000')).toBe(true);
    expect(m).not.toContain('0013');
    expect(maskPhone('+85291234567')).toBe('+852****4567');
  });

  it('a masked mobile never reveals the four middle digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = maskPhone(p);
        expect(m).toBe(`${p.slice(0, 3)}****${p.slice(7)}`);
      }),
    );
  });
});
