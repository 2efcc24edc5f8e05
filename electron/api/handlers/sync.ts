import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { normalizeFingerprint } from '../../../shared/sync/fingerprint.js';
import { SyncFailure } from '../../sync/client.js';
import { signedIn, type HandlerMap } from '../context.js';

/**
 * HQ sync from the desk: status for the status bar, "sync now", enrolment with a one-time code from
 * HQ (Settings → HQ), and HQ's rejections for a supervisor.
 */
export const syncHandlers: Pick<HandlerMap, 'sync:status' | 'sync:now' | 'sync:enroll' | 'sync:rejections'> = {
  async 'sync:status'(_input, ctx) {
    signedIn(ctx);
    return ctx.services.sync.status();
  },
  async 'sync:now'(_input, ctx) {
    signedIn(ctx);
    ctx.services.sync.connectivityRegained();
    await ctx.services.sync.syncNow();
    return ctx.services.sync.status();
  },
  async 'sync:enroll'(input, ctx) {
    signedIn(ctx);
    try {
      await ctx.services.sync.enroll(hqAddress(input.hqUrl), input.code.toUpperCase(), pinOf(input.fingerprint));
    } catch (e) {
      throw enrollmentRefused(e);
    }
    void ctx.services.sync.syncNow();
    return ctx.services.sync.status();
  },
  async 'sync:rejections'(_input, ctx) {
    signedIn(ctx);
    const rows = await ctx.db.selectFrom('sync_rejections').selectAll().orderBy('device_seq', 'desc').limit(500).execute();
    return rows.map((r) => ({
      eventId: r.event_id,
      deviceSeq: r.device_seq,
      type: r.type,
      reason: r.reason,
      detail: r.detail,
      receivedAt: r.received_at,
    }));
  },
};

/** HQ assigns device ids: the code cannot take over a known device, or replace one without its data. */
const IDENTITY_REFUSALS = {
  device_known: 'err.sync.deviceKnown',
  replacement_mismatch: 'err.sync.replacementMismatch',
  replacement_behind: 'err.sync.replacementBehind',
} as const;

export const hqAddress = (url: string) => url.replace(/\/+$/, '');

/** The fingerprint as typed, as the hex digits the desk checks (the schema already refused anything else). */
export const pinOf = (fingerprint: string | undefined) => (fingerprint ? normalizeFingerprint(fingerprint) : null);

/** Why HQ did not take the code, at the field it concerns (HQ's own words kept in the details). */
export function enrollmentRefused(e: unknown): unknown {
  if (!(e instanceof SyncFailure)) return e;
  const details = { hqMessage: e.message };
  if (e.code === 'code_invalid') return withDetails(fieldError('code', 'err.sync.codeInvalid'), details);
  if (e.code === 'code_mismatch') return withDetails(fieldError('code', 'err.sync.codeMismatch'), details);
  if (e.code === 'device_code_taken') return withDetails(fieldError('code', 'err.sync.deviceCodeTaken'), details);
  const identity = IDENTITY_REFUSALS[e.code as keyof typeof IDENTITY_REFUSALS];
  if (identity) return withDetails(fieldError('code', identity), details);
  if (e.code === 'certificate_mismatch') return withDetails(fieldError('fingerprint', 'err.sync.certificateMismatch'), details);
  if (e.code === 'insecure_address') return withDetails(fieldError('hqUrl', 'err.sync.insecureUrl'), details);
  if (e.code === 'certificate_untrusted') return withDetails(fieldError('fingerprint', 'err.sync.certificateUntrusted'), details);
  if (e.code === 'upgrade_required') return new ApiFailure('conflict', 'err.sync.upgrade', undefined, details);
  return withDetails(fieldError('hqUrl', 'err.sync.unreachable'), details);
}

function withDetails(f: ApiFailure, details: Record<string, unknown>): ApiFailure {
  return new ApiFailure(f.code, f.message, f.issues, details);
}
