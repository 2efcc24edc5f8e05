import i18next from 'i18next';
import zhHans from './locales/zh-Hans.json' with { type: 'json' };
import zhHant from './locales/zh-Hant.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

/**
 * Words printed on paper come from the same i18next resources as the screens, under `paper.*`
 * (one translation per label). The main process prints, so the instance lives here in shared/,
 * fixed to the desk's print language (a desk setting), not to the language a screen shows.
 */
export type PrintLocale = 'zh-Hans' | 'zh-Hant' | 'en';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every printed label, checked by the compiler against the zh-Hans file. */
export type PaperKey = Leaves<typeof zhHans.paper>;
export type PrintT = (key: PaperKey, values?: Record<string, string | number>) => string;

export const translations = {
  'zh-Hans': { translation: zhHans },
  'zh-Hant': { translation: zhHant },
  en: { translation: en },
} as const;

const instance = i18next.createInstance();
void instance.init({
  resources: translations,
  lng: 'zh-Hans',
  fallbackLng: 'zh-Hans',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

const fixed = new Map<PrintLocale, PrintT>();

/** The print language's `t`, with keys under `paper.` (one fixed `t` per language, made once). */
export function printT(locale: PrintLocale): PrintT {
  let t = fixed.get(locale);
  if (!t) {
    const f = instance.getFixedT(locale, null, 'paper');
    t = (key, values) => String(f(key, values));
    fixed.set(locale, t);
  }
  return t;
}

/** Primary label, with the English one beneath when the desk prints in Chinese. */
export function bilingual(locale: PrintLocale, key: PaperKey): string {
  const primary = printT(locale)(key);
  if (locale === 'en') return primary;
  return `${primary}<span class="en">${printT('en')(key)}</span>`;
}

/** Title of a handover-sheet section, by the key its feature contributes it under. */
export function sectionTitle(locale: PrintLocale, key: string): string {
  return instance.exists(`paper.sections.${key}`) ? printT(locale)(`sections.${key}` as PaperKey) : key;
}

/** The keys under one part of `paper.`, e.g. `Under<'mail'>` is `'damageTitle' | 'kinds.parcel' | …`. */
export type Under<P extends string> = PaperKey extends infer K ? (K extends `${P}.${infer R}` ? R : never) : never;
