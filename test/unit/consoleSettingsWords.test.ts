import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The console's words for site settings: the three languages have the same keys, and every error key HQ
 * can answer with has words (the settings themselves are named in the desk's own words).
 */
const ROOT = new URL('../..', import.meta.url).pathname;
type Tree = { [k: string]: string | Tree };
const load = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `hq/console/src/locales/settings/${lang}.json`), 'utf8')) as Tree;
const keysOf = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)));

describe('console words: site settings', () => {
  const langs = ['zh-Hans', 'zh-Hant', 'en'].map((l) => keysOf(load(l)).sort());

  it('has the same keys in zh-Hans, zh-Hant and en', () => {
    expect(langs[1]).toEqual(langs[0]);
    expect(langs[2]).toEqual(langs[0]);
  });

  it('names every error HQ answers with and every key the page uses', () => {
    const dir = 'hq/console/src/pages/site/settings';
    const sources = [
      'hq/src/console/contract/settings.ts',
      'hq/src/console/store/siteSettings.ts',
      ...['SettingsTab.tsx', 'SettingsForm.tsx', 'LimitFields.tsx'].map((f) => `${dir}/${f}`),
    ].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const procs = new Set(['settings.get', 'settings.update']);
    const used = new Set(
      sources.flatMap((s) => [...s.matchAll(/'(settings\.[A-Za-z.]+)'/g)].map((m) => m[1]!)).filter((k) => !procs.has(k)),
    );
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) expect(langs[0]).toContain(key);
  });
});
