import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_WORDS } from '../../shared/export/exportWords.js';

const ROOT = new URL('../..', import.meta.url).pathname;
type Tree = { [k: string]: string | Tree };
const load = (l: string) => JSON.parse(readFileSync(join(ROOT, `shared/i18n/locales/${l}.json`), 'utf8')) as Tree;

describe('the Excel exports name codes with the screens’ words', () => {
  for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const)
    it(locale, () => {
      const ui = load(locale);
      const X = EXPORT_WORDS[locale];
      expect(X.kind).toEqual(ui.ticketKind);
      expect(X.channel).toEqual(ui.ticketChannel);
      expect(X.severity).toEqual(ui.ticketSeverity);
      expect(X.urgency).toEqual(ui.ticketUrgency);
      expect(X.state).toEqual(ui.ticketState);
      expect(X.deadline).toEqual(ui.ticketDeadline);
      expect(X.method).toEqual((ui.fee as Tree).methodName);
    });
});
