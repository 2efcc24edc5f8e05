import type { Kysely } from 'kysely';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import { draft, rowToEvent, type EventDraft } from '../../../db/events.js';
import type { Database } from '../../../db/schema.js';
import { deskConflictSource } from '../../../db/queries/conflicts.js';
import { handledRejections, identityOf } from '../../../db/queries/rejections.js';
import { gatherConflicts } from '../../../shared/conflicts/gather.js';
import type { Conflict } from '../../../shared/api/conflictSchemas.js';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import { resendable } from '../../../shared/sync/resend.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';

/** The conflicts this desk's events show, unresolved ones only unless asked (the handover sheet reads these too). */
export async function deskConflicts(db: Kysely<Database>, includeResolved = false): Promise<Conflict[]> {
  const all = await gatherConflicts(await deskConflictSource(db));
  return includeResolved ? all : all.filter((c) => !c.resolution);
}

/**
 * "Reopen and call back": the ticket and the resolution that was lost to the cancel (if the lost step
 * was one), which the resolve handler records again after reopening, so its callback falls due.
 */
async function lostResolution(db: Kysely<Database>, c: Conflict) {
  if (c.kind !== 'ticket_lost_to_cancel' || !c.ticketId) throw fieldError('action', 'err.inbox.noReopen');
  const lostIds = c.sides.filter((s) => !s.won).map((s) => s.eventId);
  const rows = await db.selectFrom('events').selectAll().where('id', 'in', lostIds).execute();
  const resolve = rows
    .map((r) => rowToEvent(r as unknown as Database['events']))
    .filter((e): e is DomainEvent<'TicketTransitioned'> => e.type === 'TicketTransitioned')
    .find((e) => e.payload.action === 'resolve');
  return { ticketId: c.ticketId, resolve: resolve?.payload ?? null };
}

function refuseUnlessOpen(conflicts: Conflict[], id: string): Conflict {
  const c = conflicts.find((x) => x.id === id);
  if (!c) throw fieldError('conflictId', 'err.notFound');
  if (c.resolution) throw new ApiFailure('conflict', 'err.inbox.resolved');
  return c;
}

/** HQ's administrator's own words when refusing a held change (HQ sends them as `refused at HQ: …`). */
const hqNote = (reason: string, detail: string) => (reason === 'refused_at_hq' ? detail.replace(/^refused at HQ: /, '') : null);

const changed = (ctx: HandlerContext) => ctx.services.notify({ kind: 'sync-changed' });

export const conflictHandlers: Pick<
  HandlerMap,
  'conflicts:list' | 'conflicts:resolve' | 'conflicts:rejections' | 'conflicts:handleRejection'
> = {
  async 'conflicts:list'(input, ctx) {
    signedIn(ctx);
    return deskConflicts(ctx.db, input.includeResolved);
  },

  async 'conflicts:resolve'(input, ctx) {
    signedIn(ctx);
    const at = ctx.now.toISOString();
    const c = refuseUnlessOpen(await deskConflicts(ctx.db, true), input.conflictId);
    const lost = input.action === 'reopened' ? await lostResolution(ctx.db, c) : null;
    // The cancel stands in the history; the ticket reopens (legal from cancelled only here) and is resolved again.
    const follow: EventDraft[] = lost ? [draft('TicketReopened', { ticketId: lost.ticketId, at, reason: input.note })] : [];
    if (lost?.resolve) follow.push(draft('TicketTransitioned', { ...lost.resolve, at }));
    await ctx.transact(async (trx, emit) => {
      // Two leaders in the same second: the second finds it resolved and writes nothing.
      refuseUnlessOpen(await deskConflicts(trx, true), input.conflictId);
      await emit(
        ...follow,
        draft('ConflictResolved', { conflictId: c.id, kind: c.kind, action: input.action, note: input.note, at }),
      );
    });
    changed(ctx);
    if (follow.length) ctx.services.notify({ kind: 'tickets-changed' });
    return (await deskConflicts(ctx.db, true)).find((x) => x.id === c.id)!;
  },

  async 'conflicts:rejections'(_input, ctx) {
    signedIn(ctx);
    const rows = await ctx.db.selectFrom('sync_rejections').selectAll().orderBy('device_seq', 'desc').limit(500).execute();
    const handled = await handledRejections(ctx.db);
    const events = await ctx.db
      .selectFrom('events')
      .select(['id', 'payload'])
      .where('id', 'in', rows.map((r) => r.event_id).concat(['']))
      .execute();
    const payloads = new Map(events.map((e) => [e.id, JSON.parse(e.payload) as Record<string, unknown>]));
    return Promise.all(
      rows.map(async (r) => ({
        eventId: r.event_id,
        deviceSeq: r.device_seq,
        type: r.type,
        reason: r.reason,
        receivedAt: r.received_at,
        identity: payloads.has(r.event_id) ? await identityOf(ctx.db, payloads.get(r.event_id)!) : null,
        handled: handled.get(r.event_id) ?? null,
        resendable: resendable(r.reason),
        hqNote: hqNote(r.reason, r.detail),
      })),
    );
  },

  async 'conflicts:handleRejection'(input, ctx) {
    signedIn(ctx);
    const row = await ctx.db
      .selectFrom('sync_rejections')
      .select('event_id')
      .where('event_id', '=', input.eventId)
      .executeTakeFirst();
    if (!row) throw fieldError('eventId', 'err.notFound');
    await ctx.transact(async (trx, emit) => {
      if ((await handledRejections(trx)).has(input.eventId)) throw new ApiFailure('conflict', 'err.inbox.resolved');
      await emit(draft('RejectionHandled', { eventId: input.eventId, note: input.note, at: ctx.now.toISOString() }));
    });
    changed(ctx);
    return null;
  },
};
