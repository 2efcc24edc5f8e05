import { describe, expect, it } from 'vitest';
import { decideEnter, offeredMatches } from '../../renderer/src/features/visitors/hostPick.js';

const h = (occupantId: string) => ({ occupantId });
const zhang = { query: '张三', matches: [h('1-2-301 张三')] };
const units = { query: '4-40', matches: [h('4-401'), h('4-402'), h('4-403')] };

describe('a search-and-pick field picks only from the answer to the text in it', () => {
  it('the answer to an earlier search is never offered for a new text', () => {
    expect(offeredMatches('2-1-1502', zhang)).toBeNull();
    expect(offeredMatches('4-403', units)).toBeNull();
    expect(offeredMatches('4-40', units)).toEqual(units.matches);
    // Spaces around the text are not part of the query, as the backend trims them too.
    expect(offeredMatches(' 4-40 ', units)).toEqual(units.matches);
  });

  it('Enter before the answer to this text is in waits for it instead of taking the earlier first match', () => {
    expect(decideEnter('2-1-1502', zhang, '1-2-301 张三')).toEqual({ kind: 'wait', query: '2-1-1502' });
    expect(decideEnter('4-403', units, '4-401')).toEqual({ kind: 'wait', query: '4-403' });
    expect(decideEnter('hxkj', null, null)).toEqual({ kind: 'wait', query: 'hxkj' });
  });

  it('Enter with the answer in picks its first match, or the one the arrow keys moved to', () => {
    expect(decideEnter('4-40', units, null)).toEqual({ kind: 'pick', match: h('4-401') });
    expect(decideEnter('4-40', units, '4-403')).toEqual({ kind: 'pick', match: h('4-403') });
    // A highlight left over from another list (the unit served last) does not count.
    expect(decideEnter('4-40', units, '1-102')).toEqual({ kind: 'pick', match: h('4-401') });
  });

  it('an answer with no match picks nobody, and an empty field has nothing to pick', () => {
    expect(decideEnter('9-9-999', { query: '9-9-999', matches: [] }, null)).toEqual({ kind: 'none', query: '9-9-999' });
    expect(decideEnter('  ', units, '4-401')).toEqual({ kind: 'empty' });
  });
});
