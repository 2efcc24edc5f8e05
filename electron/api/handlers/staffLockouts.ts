import { deskLimitUntil, lockedAccounts } from '../../../db/queries/pinAttempts.js';
import type { HandlerMap } from '../context.js';

/** The router lets only shift leaders and up reach this (the contract's role): the lock of a colleague is not a receptionist's business. */
export const staffLockoutHandlers: Pick<HandlerMap, 'staff:lockouts'> = {
  async 'staff:lockouts'(_input, ctx) {
    return { accounts: await lockedAccounts(ctx.db, ctx.now), deskLimitUntil: await deskLimitUntil(ctx.db, ctx.now) };
  },
};
