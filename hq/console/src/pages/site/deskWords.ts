import i18n from '../../i18n';
import * as zhHans from '../../../../../shared/i18n/locales/zh-Hans.json';
import * as zhHant from '../../../../../shared/i18n/locales/zh-Hant.json';
import * as en from '../../../../../shared/i18n/locales/en.json';

/**
 * The desk's own words, as namespace `desk`: the staff and import rules are the desk's (shared/), so their
 * messages (err.pin.weak, err.import.area …), roles, fee items and column names are said as the desk says
 * them, from the one file the desk translates — not copied into the console's locales.
 */
const pick = (l: typeof zhHans) => ({
  err: l.err,
  role: l.role,
  feeItem: l.feeItem,
  directory: l.directory,
  fee: l.fee,
});
i18n.addResourceBundle('zh-Hans', 'desk', pick(zhHans), true, true);
i18n.addResourceBundle('zh-Hant', 'desk', pick(zhHant), true, true);
i18n.addResourceBundle('en', 'desk', pick(en), true, true);

/** A field error from the desk's rules (`err.*`) read from the desk's words; the console's own as they are. */
export function deskError(error: { message?: string } | undefined): { message?: string } | undefined {
  if (!error?.message) return error;
  return error.message.startsWith('err.') ? { message: `desk:${error.message}` } : error;
}
