import i18n from './index';
import { joinList } from '../../../shared/domain/listJoin';

/** A list (names, items) joined for the desk's current language: 、 in Chinese, ", " in English. */
export const joinNames = (items: readonly string[]): string => joinList(items, i18n.language);
