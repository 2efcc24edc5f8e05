import type { ConsoleHandlers } from './context.js';
import type { settingsProcs } from '../contract/settings.js';
import { siteSettingsAtHq, updateSiteSettings } from '../store/siteSettings.js';

/** A site's rules: both procedures name the site, checked against the user's scope before anything is read. */
export const settingsHandlers: ConsoleHandlers<typeof settingsProcs> = {
  async 'settings.get'(input, ctx) {
    ctx.scope.assertSite(input.siteId);
    return siteSettingsAtHq(ctx.db, input.siteId);
  },
  async 'settings.update'(input, ctx) {
    ctx.scope.assertSite(input.siteId);
    return updateSiteSettings(ctx.db, input);
  },
};
