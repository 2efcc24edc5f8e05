import { DESK_NS, deskError } from '../../../deskWords';
import type { Control, FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import type { ConsoleOutput } from '../../../../../src/console/contract/index';
import type { UpdateSiteSettingsInput } from '../../../../../src/console/contract/settings';
import type { SiteSettingKey } from '../../../../../../shared/api/schemas';

export type SiteSettingsView = ConsoleOutput<'settings.get'>;
export type SettingsValues = z.input<typeof UpdateSiteSettingsInput>;

/** What each section of the editor gets: the form's fields and their errors (i18n keys, the desk's `err.*` among them). */
export interface SectionProps {
  control: Control<SettingsValues>;
  errors: FieldErrors<SettingsValues>;
  disabled: boolean;
}

/** The console edits the rules the issue names; the rota and the time zone stay with the desks' managers. */
export const EDITED_KEYS = [
  'drawerVarianceLimitFen',
  'largePaymentLimitFen',
  'mailReturnDays',
  'defaultVisitMinutes',
  'visitRetentionDays',
  'signatureRetentionDays',
  'logPhotoRetentionDays',
  'keepFullIdNumbers',
  'ticketRules',
  'classifier',
] as const satisfies readonly SiteSettingKey[];

/** Each setting's name in the desk's own words (namespace `desk`), for the labels and the saved notice. */
export const SETTING_LABEL: Record<SiteSettingKey, string> = {
  drawerVarianceLimitFen: 'desk:settings.drawerVarianceLimit',
  largePaymentLimitFen: 'desk:settings.largePaymentLimit',
  mailReturnDays: 'desk:settings.mailReturnDays',
  defaultVisitMinutes: 'desk:settings.defaultVisitMinutes',
  shiftPatterns: 'desk:settings.shiftPatterns',
  ticketRules: 'desk:settings.ticketRules',
  classifier: 'desk:settings.classifier',
  siteTimeZone: 'desk:settings.siteTimeZone',
  visitRetentionDays: 'desk:settings.visitRetentionDays',
  signatureRetentionDays: 'desk:settings.signatureRetentionDays',
  logPhotoRetentionDays: 'desk:settings.logPhotoRetentionDays',
  keepFullIdNumbers: 'desk:settings.keepFullIdNumbers',
};

/**
 * A field's error in words: the desk's rules (`err.*`) in the desk's words. A number left empty fails
 * before any rule, with zod's own English sentence: it reads as the desk's "required".
 */
export function settingError(error: { message?: string } | undefined): { message?: string } | undefined {
  const e = deskError(error);
  return e?.message && /\s/.test(e.message) ? { message: `${DESK_NS}:err.required` } : e;
}
