import i18n from 'i18next';
import { languageSetting } from '../../../ui/language';
import zhHans from '../../../shared/i18n/locales/zh-Hans.json';
import zhHant from '../../../shared/i18n/locales/zh-Hant.json';
import en from '../../../shared/i18n/locales/en.json';

export { LANGUAGES, tError, type Language } from '../../../ui/language';

const language = languageSetting('lobbydesk.language');
export const savedLanguage = language.saved;
export const setLanguage = language.set;
language.start({ 'zh-Hans': { translation: zhHans }, 'zh-Hant': { translation: zhHant }, en: { translation: en } });

export default i18n;
