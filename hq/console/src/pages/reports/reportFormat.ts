import { EXPORT_WORDS, wordFor } from '../../../../../shared/export/exportWords';
import { FEE_ITEM_NAMES, type FeeItemCode } from '../../../../../shared/domain/fees';
import { deskTime } from '../../../../../shared/domain/deskTime';
import type { PrintLocale } from '../../../../../shared/i18n/print';

/** The console's language as the desk's words know it (zh-Hans unless zh-Hant or en). */
export const localeOf = (language: string | undefined): PrintLocale =>
  language === 'zh-Hant' || language === 'en' ? language : 'zh-Hans';

/**
 * The words of codes (kind, channel, method, deadline, fee item) in the user's language: the desk's own
 * export words (shared/export/exportWords.ts, kept in step with the screens' i18n), so HQ and desk read alike.
 */
export function codeWords(locale: PrintLocale) {
  const X = EXPORT_WORDS[locale];
  return {
    kind: (c: string) => wordFor(X.kind, c),
    channel: (c: string) => wordFor(X.channel, c),
    method: (c: string) => wordFor(X.method, c),
    deadline: (c: string) => wordFor(X.deadline, c),
    item: (c: FeeItemCode) => FEE_ITEM_NAMES[locale][c],
    category: (c: { zh: string; en: string }) => (locale === 'en' ? c.en : c.zh),
  };
}

/** Fen as yuan with two decimals (a number for Excel, text on screen). */
export const yuan = (fen: number): number => fen / 100;
export const yuanText = (fen: number): string =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A collection rate in per mille as a percent text (58.0%); a dash when nothing fell due. */
export const permilleText = (p: number | null): string => (p === null ? '—' : `${(p / 10).toFixed(1)}%`);
/** A statistics rate already in percent (87.5) as text. */
export const percentText = (p: number | null): string => (p === null ? '—' : `${p.toFixed(1)}%`);

/** An instant on the site's clock, `YYYY-MM-DD HH:mm`, as the desk shows and exports it. */
export const siteTime = (iso: string, zone: string): string => deskTime(iso, zone).format('YYYY-MM-DD HH:mm');
