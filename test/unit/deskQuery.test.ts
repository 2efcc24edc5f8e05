import { describe, expect, it } from 'vitest';
import { answered } from '../../renderer/src/api/queryResult.js';

/** Issue 20: a failed call never leaves another input's answer on screen. */
describe('useDeskQuery answers', () => {
  const x = answered(undefined, '{"q":"X"}', { ok: true, value: ['result for X'] });
  const failure = { ok: false as const, error: { code: 'internal' as const, message: 'err.internal' } };

  it('a failed search for "Y" shows the error and not the results for "X"', () => {
    expect(answered(x, '{"q":"Y"}', failure)).toEqual({ key: '{"q":"Y"}', data: undefined, error: failure.error });
  });

  it('a failed reload of the same search keeps its last answer beside the error', () => {
    expect(answered(x, '{"q":"X"}', failure)).toEqual({ key: '{"q":"X"}', data: ['result for X'], error: failure.error });
  });

  it('an answer clears the error', () => {
    const failed = answered(x, '{"q":"Y"}', failure);
    expect(answered(failed, '{"q":"Y"}', { ok: true, value: [] })).toEqual({ key: '{"q":"Y"}', data: [], error: undefined });
  });
});
