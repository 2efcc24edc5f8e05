import i18n from '../../../i18n';
import * as zhHans from '../../../../../../shared/i18n/locales/zh-Hans.json';
import * as zhHant from '../../../../../../shared/i18n/locales/zh-Hant.json';
import * as en from '../../../../../../shared/i18n/locales/en.json';

/** The i18next namespace holding the desk's own words for rejections and conflicts. */
export const DESK_NS = 'desk';

/**
 * A rejection or a conflict reads at HQ as it reads at the desk (shared/i18n/rejectionText.ts,
 * conflictText.ts word them with the desk's keys): the desk's `conflicts`, `feeItem` and `settings` words,
 * in their own namespace so no console area's top-level key can clash with them.
 */
for (const [lang, words] of [
  ['zh-Hans', zhHans],
  ['zh-Hant', zhHant],
  ['en', en],
] as const)
  i18n.addResourceBundle(
    lang,
    DESK_NS,
    { conflicts: words.conflicts, feeItem: words.feeItem, settings: words.settings },
    true,
    true,
  );
