import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';

export const LANGUAGES = [
  { code: 'zh-Hans', label: '简体中文' },
  { code: 'zh-Hant', label: '繁體中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

type Tree = { [key: string]: string | Tree };

/**
 * Every area keeps its words in locales/<area>/<language>.json (one top-level object named after the
 * area), so two areas never edit one file; they are merged here into one resource per language.
 */
const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

function resourcesOf(lang: Language): Tree {
  const merged: Tree = {};
  for (const [path, tree] of Object.entries(files)) if (path.endsWith(`/${lang}.json`)) Object.assign(merged, tree);
  return merged;
}

const STORAGE_KEY = 'lobbydesk.console.language';
const DAYJS_LOCALE: Record<Language, string> = { 'zh-Hans': 'zh-cn', 'zh-Hant': 'zh-tw', en: 'en' };

export function savedLanguage(): Language {
  const v = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.some((l) => l.code === v) ? (v as Language) : 'zh-Hans';
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  dayjs.locale(DAYJS_LOCALE[lang]);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: resourcesOf(l.code) }])),
  lng: savedLanguage(),
  fallbackLng: 'zh-Hans',
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale(DAYJS_LOCALE[savedLanguage()]);
document.documentElement.lang = savedLanguage();

export default i18n;
