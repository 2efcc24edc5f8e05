import type { verifyProcs } from '../contract/verify.js';
import { allSiteIds } from '../store/reportSites.js';
import { verifyReceipt } from '../store/receiptVerify.js';
import type { ConsoleHandlers } from './context.js';

export const verifyHandlers: ConsoleHandlers<typeof verifyProcs> = {
  async 'verify.receipt'(input, ctx) {
    return verifyReceipt(ctx.db, input.ref, ctx.scope.siteIds ?? (await allSiteIds(ctx.db)));
  },
};
