import type { PrintLocale } from './labels.js';

/** Column words of the evacuation roll call beyond the visitor pass's. */
export const ROLL_WORDS: Record<PrintLocale, { phone: string }> = {
  'zh-Hans': { phone: '电话' },
  'zh-Hant': { phone: '電話' },
  en: { phone: 'Phone' },
};
