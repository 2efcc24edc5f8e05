import i18n from './index';
import zhHans from '../../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../../shared/i18n/locales/zh-Hant.json';
import en from '../../../shared/i18n/locales/en.json';

/**
 * Values kept as text in the language they were entered in (来访事由 from the quick picks, a mail
 * carrier). History stays as stored; a screen shows a known value in the desk's language, and an
 * unknown one (typed freely) as it was written.
 */
type Section = 'purpose' | 'mail.carriers';
const BUNDLES = [zhHans, zhHant, en] as const;

/** Words seen in stored records that mean a quick pick without being its label (older desks, habits). */
const ALIASES: Partial<Record<Section, Record<string, string>>> = {
  purpose: { 拜访: 'visit', 拜訪: 'visit', 访友: 'visit', Visit: 'visit', 快递: 'express', 外卖: 'express', 快遞: 'express' },
};

const entriesOf = (bundle: (typeof BUNDLES)[number], section: Section): Record<string, string> =>
  section === 'purpose' ? bundle.purpose : bundle.mail.carriers;

const codes = new Map<Section, Map<string, string>>();
function codeMap(section: Section): Map<string, string> {
  let map = codes.get(section);
  if (!map) {
    map = new Map(Object.entries(ALIASES[section] ?? {}));
    for (const bundle of BUNDLES) for (const [code, word] of Object.entries(entriesOf(bundle, section))) map.set(word, code);
    codes.set(section, map);
  }
  return map;
}

/** The code of a stored value (`中国邮政` → `chinaPost`), or undefined when it is free text. */
export const storedCode = (section: Section, stored: string): string | undefined => codeMap(section).get(stored.trim());

/** A stored value in the desk's language: `探访` reads "Visiting" on an English screen. */
export function storedLabel(section: Section, stored: string): string {
  const code = storedCode(section, stored);
  return code ? i18n.t(`${section}.${code}`) : stored;
}

/**
 * The carrier as the register keeps it: a listed carrier by its simplified-Chinese name whatever the
 * desk's language (so one carrier is one name in reports), anything else as typed.
 */
export function storedCarrier(typed: string): string {
  const code = storedCode('mail.carriers', typed);
  return code ? (zhHans.mail.carriers as Record<string, string>)[code]! : typed.trim();
}
