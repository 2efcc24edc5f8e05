import { z } from 'zod';
import { read, write } from './define.js';
import { SITE_SETTING_KEYS, Settings, SiteSettingsPatch } from '../../../../shared/api/schemas.js';

/**
 * A site's rules at HQ (issue 21 item 3): the values its desks hold — limits, deadline rules, classifier,
 * retention — validated by the desk's own Settings schema, so HQ can accept nothing a desk would refuse.
 * Everyone who may see the site reads them; only the HQ admin changes them (an HQ event every desk of
 * the site applies at its next sync, as a desk manager's change is).
 */
const siteId = z.string({ message: 'console.err.invalidInput' }).min(1, { message: 'console.err.invalidInput' });
const SettingKey = z.enum(SITE_SETTING_KEYS);
/** Per key, the event whose value the reader saw; null: the default (no event set it yet). */
const Basis = z.partialRecord(SettingKey, z.string().max(100).nullable());

export const SiteSettingsValues = Settings.pick(
  Object.fromEntries(SITE_SETTING_KEYS.map((k) => [k, true])) as { [K in (typeof SITE_SETTING_KEYS)[number]]: true },
);
export type SiteSettingsValues = z.output<typeof SiteSettingsValues>;

export const SiteSettingsView = z.strictObject({
  values: SiteSettingsValues,
  basedOn: Basis,
});
export type SiteSettingsView = z.output<typeof SiteSettingsView>;

/**
 * The keys the admin changed, flat (an error's path is the field's name, as at the desk), with the basis
 * the console read in settings.get for each: a desk's change made meanwhile is not refused or lost, the
 * two become a conflict in the site's inbox.
 */
export const UpdateSiteSettingsInput = z
  .strictObject({ siteId, ...SiteSettingsPatch.shape, basedOn: Basis })
  .superRefine((v, ctx) => {
    for (const key of SITE_SETTING_KEYS)
      if (v[key] !== undefined && !(key in v.basedOn))
        ctx.addIssue({ code: 'custom', path: ['basedOn', key], message: 'settings.err.noBasis' });
  });
export type UpdateSiteSettingsInput = z.input<typeof UpdateSiteSettingsInput>;

export const SiteSettingsSaved = SiteSettingsView.extend({
  /** The keys that differed from HQ's values and went into the event. */
  changed: z.array(SettingKey),
  /** Changed keys a desk had changed since the admin read them: both kept, shown in the conflict inbox. */
  raced: z.array(SettingKey),
});
export type SiteSettingsSaved = z.output<typeof SiteSettingsSaved>;

export const settingsProcs = {
  'settings.get': read(z.strictObject({ siteId }), SiteSettingsView),
  'settings.update': write(UpdateSiteSettingsInput, SiteSettingsSaved, ['admin']),
};
