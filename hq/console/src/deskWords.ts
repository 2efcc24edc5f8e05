import i18n from './i18n';
import * as zhHans from '../../../shared/i18n/locales/zh-Hans.json';
import * as zhHant from '../../../shared/i18n/locales/zh-Hant.json';
import * as en from '../../../shared/i18n/locales/en.json';

/** The i18next namespace holding the desk's own words. */
export const DESK_NS = 'desk';

/**
 * The desk's own words, as namespace `desk`: where the console shows the desk's rules (staff and import
 * messages, roles, fee items, column names) or its records (rejections and conflicts, worded by
 * shared/i18n/rejectionText.ts and conflictText.ts), it says them as the desk does, from the one file the
 * desk translates — not copied into the console's locales, and in their own namespace so no console
 * area's top-level key can clash with them.
 */
const pick = (l: typeof zhHans) => ({
  err: l.err,
  role: l.role,
  feeItem: l.feeItem,
  directory: l.directory,
  fee: l.fee,
  conflicts: l.conflicts,
  settings: l.settings,
  // The deadline rules and classifier editors of the site settings name kinds, levels and spans as the desk does.
  ticket: l.ticket,
  ticketKind: l.ticketKind,
  ticketSeverity: l.ticketSeverity,
  ticketUrgency: l.ticketUrgency,
  callbackClass: l.callbackClass,
  ticketDeadline: l.ticketDeadline,
  spanUnit: l.spanUnit,
});
for (const [lang, words] of [
  ['zh-Hans', zhHans],
  ['zh-Hant', zhHant],
  ['en', en],
] as const)
  i18n.addResourceBundle(lang, DESK_NS, pick(words as typeof zhHans), true, true);

/** A field error from the desk's rules (`err.*`) read from the desk's words; the console's own as they are. */
export function deskError(error: { message?: string } | undefined): { message?: string } | undefined {
  if (!error?.message) return error;
  return error.message.startsWith('err.') ? { message: `${DESK_NS}:${error.message}` } : error;
}
