import i18n from 'i18next';
import { LANGUAGES, languageSetting, type Language } from '../../../ui/language';

export { LANGUAGES, type Language };

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

const language = languageSetting('lobbydesk.console.language');
export const savedLanguage = language.saved;
export const setLanguage = language.set;
language.start(Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: resourcesOf(l.code) }])));

export default i18n;
