import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from '../../shared/domain/hlc.js';

const wall = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2100-01-01') });
const node = fc.oneof(fc.uuid(), fc.stringMatching(/^[a-z0-9]{1,8}$/));
// The counter is encoded in 5 base-36 digits; a counter anywhere near 36^5 would need tens of millions
// of events within one millisecond of wall time, so the generator stays well inside that range.
const hlc: fc.Arbitrary<Hlc> = fc.record({ wallMs: wall, counter: fc.integer({ min: 0, max: 36 ** 5 / 2 }), node });
/** The clock's own order: wall time, then counter, then node as tie-breaker. */
const order = (a: Hlc, b: Hlc) =>
  a.wallMs !== b.wallMs
    ? Math.sign(a.wallMs - b.wallMs)
    : a.counter !== b.counter
      ? Math.sign(a.counter - b.counter)
      : a.node < b.node
        ? -1
        : a.node > b.node
          ? 1
          : 0;
const after = (a: Hlc, b: Hlc) => a.wallMs > b.wallMs || (a.wallMs === b.wallMs && a.counter > b.counter);

describe('hybrid logical clock', () => {
  it('ticks strictly forward even when the wall clock goes backwards or stands still', () => {
    fc.assert(
      fc.property(
        wall,
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 1, maxLength: 200 }),
        (start, steps) => {
          let now = start;
          let maxNow = -Infinity;
          let last: Hlc | null = null;
          for (const step of steps) {
            now += step;
            maxNow = Math.max(maxNow, now);
            const next = tickHlc(last, now, 'desk-a');
            if (last) {
              expect(after(next, last)).toBe(true);
              expect(compareHlc(encodeHlc(next), encodeHlc(last))).toBe(1);
            }
            // The clock never runs behind the latest wall time it saw, nor ahead of it.
            expect(next.wallMs).toBe(maxNow);
            last = next;
          }
        },
      ),
    );
  });

  it('a concrete backwards step: the counter carries the order', () => {
    const a = tickHlc(null, 10_000, 'n');
    const b = tickHlc(a, 9_000, 'n');
    const c = tickHlc(b, 9_500, 'n');
    const d = tickHlc(c, 11_000, 'n');
    expect([a, b, c, d].map((h) => [h.wallMs, h.counter])).toEqual([
      [10_000, 0],
      [10_000, 1],
      [10_000, 2],
      [11_000, 0],
    ]);
  });

  it('receiving a remote clock moves past both the local and the remote clock', () => {
    fc.assert(
      fc.property(fc.option(hlc, { nil: null }), hlc, wall, (last, remote, now) => {
        const merged = receiveHlc(last, remote, now, 'local');
        expect(after(merged, remote)).toBe(true);
        if (last) expect(after(merged, last)).toBe(true);
        expect(merged.wallMs).toBeGreaterThanOrEqual(now);
        expect(merged.node).toBe('local');
        // The next local event orders after the remote one, whatever the node names.
        const next = tickHlc(merged, now, 'local');
        expect(compareHlc(encodeHlc(next), encodeHlc(remote))).toBe(1);
      }),
    );
  });

  it('a remote clock far ahead is adopted; one behind is ignored except for ordering', () => {
    const local = { wallMs: 5_000, counter: 3, node: 'a' };
    expect(receiveHlc(local, { wallMs: 9_000, counter: 7, node: 'b' }, 4_000, 'a')).toEqual({
      wallMs: 9_000,
      counter: 8,
      node: 'a',
    });
    expect(receiveHlc(local, { wallMs: 1_000, counter: 9, node: 'b' }, 4_000, 'a')).toEqual({
      wallMs: 5_000,
      counter: 4,
      node: 'a',
    });
    expect(receiveHlc(local, { wallMs: 5_000, counter: 9, node: 'b' }, 4_000, 'a')).toEqual({
      wallMs: 5_000,
      counter: 10,
      node: 'a',
    });
    expect(receiveHlc(local, { wallMs: 1_000, counter: 9, node: 'b' }, 6_000, 'a')).toEqual({
      wallMs: 6_000,
      counter: 0,
      node: 'a',
    });
  });

  it('encoded strings sort exactly like the clock', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(compareHlc(encodeHlc(a), encodeHlc(b))).toBe(order(a, b));
        const sorted = [encodeHlc(a), encodeHlc(b)].sort();
        expect(sorted).toEqual([a, b].sort(order).map(encodeHlc));
      }),
    );
  });

  it('encoding round-trips, including node ids that contain dashes', () => {
    fc.assert(
      fc.property(hlc, (h) => {
        expect(decodeHlc(encodeHlc(h))).toEqual(h);
      }),
    );
  });
});
