import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import zhHans from '../../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../../shared/i18n/locales/zh-Hant.json';
import en from '../../../shared/i18n/locales/en.json';

export const LANGUAGES = [
  { code: 'zh-Hans', label: '简体中文' },
  { code: 'zh-Hant', label: '繁體中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'lobbydesk.language';
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
  resources: { 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh-Hans',
  interpolation: { escapeValue: false },
  returnNull: false,
});
dayjs.locale(DAYJS_LOCALE[savedLanguage()]);

/** Translates a backend/schema message key; an unknown message is shown as it came. */
export function tError(message: string | undefined): string {
  if (!message) return '';
  return i18n.exists(message) ? i18n.t(message) : message;
}

export default i18n;
