import { draft } from '../../../db/events.js';
import { readSiteDetails } from '../../../db/queries/siteDetails.js';
import { signedIn, type HandlerMap } from '../context.js';

export const siteHandlers: Pick<HandlerMap, 'site:details' | 'site:updateDetails'> = {
  async 'site:details'(_input, ctx) {
    signedIn(ctx);
    return readSiteDetails(ctx.db);
  },
  // Admins only (the contract's access): one event that every desk of the site applies.
  async 'site:updateDetails'(input, ctx) {
    signedIn(ctx);
    const current = await readSiteDetails(ctx.db);
    if (JSON.stringify(current) === JSON.stringify(input)) return current;
    await ctx.transact(async (_trx, emit) => {
      await emit(draft('SiteDetailsChanged', { details: input }));
    });
    ctx.services.settingsChanged();
    return readSiteDetails(ctx.db);
  },
};
