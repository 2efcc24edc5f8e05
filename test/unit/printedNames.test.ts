import { describe, expect, it } from 'vitest';
import { nameProblem, personName } from '../../shared/api/fields.js';
import { joinList } from '../../shared/domain/listJoin.js';

describe('names that print', () => {
  it('names as people write them pass: Chinese, Extension B, Latin with apostrophes and hyphens, ®', () => {
    for (const ok of ['张三', '𠮷野家', '𩸽田', 'O’Brien', 'Jean-Luc Picard', '王小明 Tom', 'Acme® 有限公司', '欧阳·娜娜']) {
      expect(nameProblem(ok), ok).toBeNull();
    }
  });

  it('control characters are refused', () => {
    for (const bad of ['张\u0000三', '张\t三', '张\n三', '张\u0085三', '张\u2028三'])
      expect(nameProblem(bad), JSON.stringify(bad)).toBe('err.name.control');
  });

  it('every bidi embedding, override and isolate (U+202A–202E, U+2066–2069) is refused, and invisible format characters', () => {
    const bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const c of [...bidi, '\u200B', '\u200D', '\u200E', '\uFEFF'])
      expect(nameProblem(`华远${c}大厦`), c.codePointAt(0)!.toString(16)).toBe('err.name.bidi');
  });

  it('emoji are refused, with or without variation selectors and skin tones', () => {
    for (const bad of ['李😀', '🏢华远', '☎️', '👍🏽', '1️⃣', '🇨🇳']) expect(nameProblem(bad), bad).toBe('err.name.emoji');
  });

  it('the person-name field says which, at the field', () => {
    const r = personName.safeParse('赵\u202E六');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['err.name.bidi']);
  });
});

describe('lists of names', () => {
  it('Chinese lists take 、, English ones ", "', () => {
    expect(joinList(['王经理', '小李'], 'zh-Hans')).toBe('王经理、小李');
    expect(joinList(['王经理', '小李'], 'zh-Hant')).toBe('王经理、小李');
    expect(joinList(['Wang', 'Li'], 'en')).toBe('Wang, Li');
    expect(joinList([], 'en')).toBe('');
  });
});
