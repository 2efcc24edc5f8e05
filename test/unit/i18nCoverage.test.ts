import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_TYPES } from '../../shared/domain/idDocument.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;

type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(readFileSync(join(ROOT, `shared/i18n/locales/${l}.json`), 'utf8')) as Tree;
const keysOf = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Every message key the backend and the shared schemas can put in front of a receptionist. */
function emittedErrorKeys(): string[] {
  const keys = new Set<string>();
  for (const dir of ['shared', 'electron', 'db', 'renderer/src']) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(err\.[A-Za-z_.]+[A-Za-z_])'/g)) keys.add(m[1]);
    }
  }
  // idDocument.ts builds `err.idNumber.${type}` for every document type but the resident ID.
  for (const t of ID_TYPES) if (t !== 'resident_id') keys.add(`err.idNumber.${t}`);
  return [...keys].sort();
}

describe('translations', () => {
  it('the three languages have exactly the same keys', () => {
    const [first, ...rest] = LOCALES.map((l) => keysOf(load(l)).sort());
    for (const other of rest) expect(other).toEqual(first);
  });

  it('every error the desk can show has a sentence in every language', () => {
    const emitted = emittedErrorKeys();
    expect(emitted.length).toBeGreaterThan(40);
    for (const l of LOCALES) {
      const known = new Set(keysOf(load(l)));
      expect(
        emitted.filter((k) => !known.has(k)),
        l,
      ).toEqual([]);
    }
  });
});
