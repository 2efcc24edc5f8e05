import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';

/** The languages of the desk and of HQ's console, Chinese first. */
export const LANGUAGES = [
  { code: 'zh-Hans', label: '简体中文' },
  { code: 'zh-Hant', label: '繁體中文' },
  { code: 'en', label: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const DAYJS_LOCALE: Record<Language, string> = { 'zh-Hans': 'zh-cn', 'zh-Hant': 'zh-tw', en: 'en' };

/**
 * One web app's language, kept in this browser under `storageKey` (the desk and the console each their
 * own): what was chosen last, and switching (i18next, dayjs and the page's `lang` together).
 */
export function languageSetting(storageKey: string) {
  const saved = (): Language => {
    const v = localStorage.getItem(storageKey);
    return LANGUAGES.some((l) => l.code === v) ? (v as Language) : 'zh-Hans';
  };
  const set = (lang: Language): void => {
    localStorage.setItem(storageKey, lang);
    dayjs.locale(DAYJS_LOCALE[lang]);
    document.documentElement.lang = lang;
    void i18n.changeLanguage(lang);
  };
  /** i18next with these words, in the saved language (zh-Hans for a word one language lacks). */
  const start = (resources: Resource): void => {
    void i18n.use(initReactI18next).init({
      resources,
      lng: saved(),
      fallbackLng: 'zh-Hans',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    dayjs.locale(DAYJS_LOCALE[saved()]);
    document.documentElement.lang = saved();
  };
  return { saved, set, start };
}

/**
 * A backend or schema message in the app's language: an i18n key is translated, anything else (a zod
 * sentence of its own, "Too big: …", whose colon would be read as a namespace) is shown as it came.
 */
export function tError(message: string | undefined): string {
  if (!message) return '';
  return i18n.exists(message) ? i18n.t(message) : message;
}
