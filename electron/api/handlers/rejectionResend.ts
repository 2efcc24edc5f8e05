import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { resendable } from '../../../shared/sync/resend.js';
import { SyncFailure } from '../../sync/client.js';
import { signedIn, type HandlerMap } from '../context.js';

/**
 * "Re-send after a fix" (shift leader and up, the contract's role): HQ judges one of this desk's rejected
 * events again, now that its staff records or clock are right. Offered and sent only for kinds a re-send
 * can fix; HQ judges it anyway. Accepted (or waiting at HQ for its record), the line leaves the list.
 */
export const resendHandlers: Pick<HandlerMap, 'conflicts:resendRejection'> = {
  async 'conflicts:resendRejection'(input, ctx) {
    signedIn(ctx);
    const row = await ctx.db
      .selectFrom('sync_rejections')
      .select(['event_id', 'reason'])
      .where('event_id', '=', input.eventId)
      .executeTakeFirst();
    if (!row) throw fieldError('eventId', 'err.notFound');
    if (!resendable(row.reason)) throw new ApiFailure('conflict', 'err.inbox.notResendable');
    let res;
    try {
      res = await ctx.services.sync.resend(input.eventId);
    } catch (e) {
      if (!(e instanceof SyncFailure)) throw e;
      const details = { hqMessage: e.message };
      if (e.code === 'not_resendable') throw new ApiFailure('conflict', 'err.inbox.notResendable', undefined, details);
      throw new ApiFailure('unavailable', 'err.inbox.hqUnreachable', undefined, details);
    } finally {
      ctx.services.notify({ kind: 'sync-changed' });
    }
    return { outcome: res.outcome, reason: res.reason };
  },
};
