import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HqTicketStep } from '../../hq/src/console/contract/hqtickets.js';

/**
 * The console's words for tickets from HQ: the three languages have the same keys, every error key HQ can
 * answer with has words, and every step of a timeline is named (no raw code on the ticket's page).
 */
const ROOT = new URL('../..', import.meta.url).pathname;
type Tree = { [k: string]: string | Tree };
const load = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `hq/console/src/locales/hqtickets/${lang}.json`), 'utf8')) as Tree;
const keysOf = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)));

describe('console words: tickets from HQ', () => {
  const langs = ['zh-Hans', 'zh-Hant', 'en'].map((l) => keysOf(load(l)).sort());

  it('has the same keys in zh-Hans, zh-Hant and en', () => {
    expect(langs[1]).toEqual(langs[0]);
    expect(langs[2]).toEqual(langs[0]);
  });

  it('names every error HQ answers with and every step of a timeline', () => {
    const sources = [
      'hq/src/console/contract/hqtickets.ts',
      'hq/src/console/handlers/hqtickets.ts',
      'hq/src/console/store/hqTicketOpen.ts',
    ].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const emitted = new Set(sources.flatMap((s) => [...s.matchAll(/'(hqtickets\.err\.[A-Za-z]+)'/g)].map((m) => m[1])));
    expect(emitted.size).toBeGreaterThan(5);
    for (const key of emitted) expect(langs[0]).toContain(key);
    for (const sort of HqTicketStep.shape.sort.options) expect(langs[0]).toContain(`hqtickets.step.${sort}`);
  });
});
