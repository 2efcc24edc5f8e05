import type { ConsoleHandlers } from './context.js';
import type { portfolioProcs } from '../contract/portfolio.js';
import { allSiteIds } from '../store/reportSites.js';
import { portfolio } from '../store/portfolio.js';

export const portfolioHandlers: ConsoleHandlers<typeof portfolioProcs> = {
  // Only the sites of the user's scope: a list, so filtered rather than asserted site by site.
  async 'portfolio.list'(_input, ctx) {
    return portfolio(ctx.db, ctx.scope.siteIds ?? (await allSiteIds(ctx.db)), ctx.now);
  },
};
