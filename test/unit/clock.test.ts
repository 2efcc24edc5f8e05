import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOCK_WARN_MS,
  HLC_MAX_AHEAD_MS,
  clockOff,
  correctedMs,
  hlcTooFarAhead,
  measureOffset,
  notBefore,
} from '../../shared/domain/clock.js';
import { receiveHlc, tickHlc, type Hlc } from '../../shared/domain/hlc.js';

const wall = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2100-01-01') });
const YEAR_2286 = Date.parse('2286-11-20T17:46:40Z');

describe('clock offset from a round trip', () => {
  it('recovers the true offset within half the round trip, whatever the network delays', () => {
    fc.assert(
      fc.property(
        wall,
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        (sent, trueOffset, up, down) => {
          // HQ stamps its answer `up` ms after the desk sent, on a clock `trueOffset` ahead of the desk's.
          const hq = sent + up + trueOffset;
          const answered = sent + up + down;
          const measured = measureOffset(sent, answered, hq);
          expect(Math.abs(measured - trueOffset)).toBeLessThanOrEqual((up + down) / 2 + 1);
          // The corrected desk clock then reads HQ's time, within the same bound.
          expect(Math.abs(correctedMs(answered, measured) - (answered + trueOffset))).toBeLessThanOrEqual((up + down) / 2 + 1);
        },
      ),
    );
  });

  it('a desk 6 h slow is corrected to HQ; an unknown offset leaves the desk clock as is', () => {
    const desk = Date.parse('2026-12-01T14:00:00Z');
    const offset = measureOffset(desk, desk + 40, desk + 6 * 3_600_000 + 20);
    expect(offset).toBe(6 * 3_600_000);
    expect(new Date(correctedMs(desk, offset)).toISOString()).toBe('2026-12-01T20:00:00.000Z');
    expect(correctedMs(desk, null)).toBe(desk);
  });

  it('warns only beyond 2 minutes either way, never before any answer', () => {
    expect(clockOff(null)).toBe(false);
    expect(clockOff(CLOCK_WARN_MS)).toBe(false);
    expect(clockOff(-CLOCK_WARN_MS)).toBe(false);
    expect(clockOff(CLOCK_WARN_MS + 1)).toBe(true);
    expect(clockOff(-CLOCK_WARN_MS - 1)).toBe(true);
  });
});

describe('HLC allowance ahead of HQ', () => {
  it('HQ refuses beyond 10 minutes ahead and an unreadable wall time, takes the rest', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(hlcTooFarAhead(now + HLC_MAX_AHEAD_MS, now)).toBe(false);
    expect(hlcTooFarAhead(now - 86_400_000, now)).toBe(false);
    expect(hlcTooFarAhead(now + HLC_MAX_AHEAD_MS + 1, now)).toBe(true);
    expect(hlcTooFarAhead(YEAR_2286, now)).toBe(true);
    expect(hlcTooFarAhead(NaN, now)).toBe(true);
  });

  it('a stamp beyond the ceiling is never carried on: the next local stamp is at or below now when now is under it', () => {
    fc.assert(
      fc.property(wall, fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 0, max: 1000 }), (now, ahead, counter) => {
        const ceiling = now + HLC_MAX_AHEAD_MS;
        const future: Hlc = { wallMs: ceiling + ahead, counter, node: 'x' };
        expect(tickHlc(future, now, 'a', ceiling)).toEqual({ wallMs: now, counter: 0, node: 'a' });
        expect(receiveHlc(null, future, now, 'a', ceiling)).toEqual({ wallMs: now, counter: 0, node: 'a' });
        expect(receiveHlc(future, future, now, 'a', ceiling).wallMs).toBe(now);
      }),
    );
  });

  it('under the ceiling the clock still ticks forward past a stamp a little ahead', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const ceiling = now + HLC_MAX_AHEAD_MS;
    const ahead: Hlc = { wallMs: now + 60_000, counter: 3, node: 'b' };
    expect(tickHlc(ahead, now, 'a', ceiling)).toEqual({ wallMs: now + 60_000, counter: 4, node: 'a' });
    expect(receiveHlc(null, ahead, now, 'a', ceiling)).toEqual({ wallMs: now + 60_000, counter: 4, node: 'a' });
    // Without a ceiling (a desk that never heard from HQ) the old rule stands: never below the largest seen.
    expect(tickHlc({ wallMs: YEAR_2286, counter: 0, node: 'b' }, now, 'a').wallMs).toBe(YEAR_2286);
  });
});

describe('a closing time never before the opening one', () => {
  it('keeps a later time and lifts an earlier one to the opening', () => {
    fc.assert(
      fc.property(wall, wall, (a, o) => {
        const at = new Date(a).toISOString();
        const opened = new Date(o).toISOString();
        const r = notBefore(at, opened);
        expect(Date.parse(r)).toBe(Math.max(a, o));
      }),
    );
  });
});
