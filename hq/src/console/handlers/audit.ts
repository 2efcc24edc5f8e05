import type { auditProcs } from '../contract/audit.js';
import { searchConsoleAudit, searchEvents } from '../store/auditSearch.js';
import { allSiteIds } from '../store/reportSites.js';
import type { ConsoleHandlers } from './context.js';

export const auditHandlers: ConsoleHandlers<typeof auditProcs> = {
  async 'audit.events'(input, ctx) {
    if (input.siteId) ctx.scope.assertSite(input.siteId);
    return searchEvents(ctx.db, ctx.scope.siteIds ?? (await allSiteIds(ctx.db)), input);
  },
  async 'audit.console'(input, ctx) {
    return searchConsoleAudit(ctx.db, ctx.scope.siteIds, input);
  },
};
