import { deskTime } from '../../../shared/domain/deskTime.js';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { Shift, ShiftState } from '../../../shared/api/shiftSchemas.js';
import { isStale, lapsesAt, patternAt, plannedEnd } from '../../../shared/domain/shifts.js';
import { draft, type EventDraft } from '../../../db/events.js';
import type { Database } from '../../../db/schema.js';
import * as q from '../../../db/queries/shifts.js';
import { checkPin } from '../pinCheck.js';
import { assembleHandover } from '../../handover/registry.js';
import { handoverSheetOf } from '../../handover/sheet.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';

export async function toShift(db: Kysely<Database>, r: q.ShiftRow, now: Date): Promise<Shift> {
  const members = await q.membersOf(db, r.id);
  return {
    id: r.id,
    deviceCode: r.device_code,
    patternCode: r.pattern_code,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    plannedEnd: r.planned_end,
    closedAt: r.closed_at,
    stale: r.closed_at === null && isStale(r.planned_end, now),
    abandoned: r.abandoned === 1,
    members: members.map((m) => ({ staffId: m.staff_id, name: m.name ?? '', joinedAt: m.joined_at, leftAt: m.left_at })),
  };
}

/** Which handover the signed-in person must read first, and whether the open shift is being taken over. */
async function handoverToRead(db: Kysely<Database>, deviceId: string, current: q.ShiftRow | undefined, now: Date) {
  if (current && isStale(current.planned_end, now)) return { shiftId: current.id, takeOver: true };
  if (current) return { shiftId: current.previous_shift_id, takeOver: false };
  return { shiftId: (await q.lastClosedShiftOf(db, deviceId))?.id ?? null, takeOver: false };
}

async function state(ctx: HandlerContext): Promise<ShiftState> {
  const { site, staff } = signedIn(ctx);
  const settings = await ctx.services.settings();
  const current = await q.openShiftOf(ctx.db, site.deviceId);
  // A member of a shift that lapsed is on it no more: they take it over like anyone else.
  const lapsed = current ? isStale(current.planned_end, ctx.now) : false;
  const onShift = current && !lapsed ? await q.isOnShift(ctx.db, current.id, staff.id) : false;
  const read = await handoverToRead(ctx.db, site.deviceId, current, ctx.now);
  const handoverShiftId = onShift ? null : read.shiftId;
  return {
    current: current ? await toShift(ctx.db, current, ctx.now) : null,
    onShift,
    handoverShiftId,
    takeOver: !onShift && read.takeOver,
    handoverShown: handoverShiftId ? ctx.services.sessions.wasShown(ctx.sessionKey, handoverShiftId) : false,
    patterns: settings.shiftPatterns,
    suggestedPattern: patternAt(settings.shiftPatterns, ctx.now)?.code ?? '',
  };
}

/**
 * The incoming person's acknowledgement: the handover must be the one the desk expects now (not
 * one that changed meanwhile), this window must have shown it, and the PIN must be theirs. The PIN
 * is checked before the writing transaction so a wrong PIN still counts toward the lockout.
 */
async function acknowledge(
  ctx: HandlerContext,
  expected: string | null,
  input: { handoverShiftId: string | null; pin?: string },
) {
  const { staff } = signedIn(ctx);
  if (!expected) return;
  if (input.handoverShiftId !== expected) throw new ApiFailure('conflict', 'err.handover.changed');
  if (!ctx.services.sessions.wasShown(ctx.sessionKey, expected)) throw new ApiFailure('conflict', 'err.handover.notShown');
  if (!input.pin) throw fieldError('pin', 'err.required');
  // Four eyes: whoever signed the handover out cannot also sign it in (refused before any PIN is looked at).
  if ((await q.shiftById(ctx.db, expected))?.signed_by === staff.id) throw fieldError('pin', 'err.handover.selfAcknowledge');
  await checkPin(ctx, staff, input.pin, ctx.now, 'pin');
}

const changed = (ctx: HandlerContext) => ctx.services.notify({ kind: 'shift-changed' });

export const shiftHandlers: Pick<
  HandlerMap,
  | 'shift:state'
  | 'shift:handover'
  | 'shift:open'
  | 'shift:join'
  | 'shift:leave'
  | 'shift:preview'
  | 'shift:close'
  | 'shift:overview'
  | 'shift:history'
> = {
  async 'shift:state'(_input, ctx) {
    return state(ctx);
  },

  /** Shows a handover (default: the one to read now) and remembers that this window showed it. */
  async 'shift:handover'(input, ctx) {
    const { site } = signedIn(ctx);
    let id = input.shiftId;
    if (!id) {
      const current = await q.openShiftOf(ctx.db, site.deviceId);
      id = (await handoverToRead(ctx.db, site.deviceId, current, ctx.now)).shiftId ?? undefined;
    }
    const shift = id ? await q.shiftById(ctx.db, id) : undefined;
    if (!shift) return null;
    ctx.services.sessions.markShown(ctx.sessionKey, shift.id);
    return handoverSheetOf(ctx.db, shift, ctx.now);
  },

  /**
   * Opens this desk's shift after the last handover was read and acknowledged. A shift left open
   * past its end is closed first, unsigned and flagged, and its handover is what gets acknowledged.
   */
  async 'shift:open'(input, ctx) {
    const { site, staff } = signedIn(ctx);
    const settings = await ctx.services.settings();
    const pattern = settings.shiftPatterns.find((p) => p.code === input.patternCode);
    if (!pattern) throw fieldError('patternCode', 'err.shift.unknownPattern');
    const current = await q.openShiftOf(ctx.db, site.deviceId);
    if (current && !isStale(current.planned_end, ctx.now)) throw new ApiFailure('conflict', 'err.shift.alreadyOpen');
    const expected = (await handoverToRead(ctx.db, site.deviceId, current, ctx.now)).shiftId;
    await acknowledge(ctx, expected, input);
    const shiftId = uuidv7();
    const at = ctx.now.toISOString();
    await ctx.transact(async (trx, emit) => {
      // Two desks' windows opening at once: inside the transaction only the first finds the desk as expected.
      const now = await q.openShiftOf(trx, site.deviceId);
      if (now && now.id !== current?.id) throw new ApiFailure('conflict', 'err.shift.alreadyOpen');
      if (!now && current) throw new ApiFailure('conflict', 'err.handover.changed');
      const drafts: EventDraft[] = [];
      if (now) {
        const sections = await assembleHandover({ db: trx, shift: now, now: ctx.now });
        // Closed as of the moment it lapsed, not of the take-over: the same close whoever takes it over, whenever.
        const closedAt = lapsesAt(now.planned_end);
        drafts.push(draft('ShiftClosed', { shiftId: now.id, closedAt, signedBy: null, abandoned: true, note: '', sections }));
      }
      drafts.push(
        draft('ShiftOpened', {
          shiftId,
          deviceCode: site.deviceCode,
          patternCode: pattern.code,
          openedAt: at,
          plannedEnd: plannedEnd(pattern, ctx.now).toISOString(),
          previousShiftId: expected,
        }),
      );
      if (expected)
        drafts.push(draft('HandoverAcknowledged', { handoverShiftId: expected, intoShiftId: shiftId, staffId: staff.id, at }));
      drafts.push(draft('ShiftJoined', { shiftId, staffId: staff.id, at }));
      await emit(...drafts);
    });
    changed(ctx);
    return state(ctx);
  },

  /** Joins the open shift (a later pattern arriving, a colleague): they too read and sign the handover. */
  async 'shift:join'(input, ctx) {
    const { site, staff } = signedIn(ctx);
    const current = await q.openShiftOf(ctx.db, site.deviceId);
    if (!current) throw new ApiFailure('conflict', 'err.shift.notOpen');
    if (isStale(current.planned_end, ctx.now)) throw new ApiFailure('conflict', 'err.shift.leftOpen');
    if (await q.isOnShift(ctx.db, current.id, staff.id)) return state(ctx);
    await acknowledge(ctx, current.previous_shift_id, input);
    const at = ctx.now.toISOString();
    await ctx.transact(async (trx, emit) => {
      if ((await q.openShiftOf(trx, site.deviceId))?.id !== current.id) throw new ApiFailure('conflict', 'err.handover.changed');
      if (await q.isOnShift(trx, current.id, staff.id)) return;
      const drafts: EventDraft[] = [];
      if (current.previous_shift_id)
        drafts.push(
          draft('HandoverAcknowledged', {
            handoverShiftId: current.previous_shift_id,
            intoShiftId: current.id,
            staffId: staff.id,
            at,
          }),
        );
      drafts.push(draft('ShiftJoined', { shiftId: current.id, staffId: staff.id, at }));
      await emit(...drafts);
    });
    changed(ctx);
    return state(ctx);
  },

  /** Leaves the shift; the last person on it may not — they close it with a handover instead. */
  async 'shift:leave'(_input, ctx) {
    const { site, staff } = signedIn(ctx);
    await ctx.transact(async (trx, emit) => {
      const current = await q.openShiftOf(trx, site.deviceId);
      if (!current || !(await q.isOnShift(trx, current.id, staff.id))) throw new ApiFailure('conflict', 'err.shift.notOnShift');
      const onIt = (await q.membersOf(trx, current.id)).filter((m) => m.left_at === null);
      if (onIt.length <= 1) throw new ApiFailure('conflict', 'err.shift.lastMember');
      await emit(draft('ShiftLeft', { shiftId: current.id, staffId: staff.id, at: ctx.now.toISOString() }));
    });
    changed(ctx);
    return state(ctx);
  },

  async 'shift:preview'(_input, ctx) {
    const { site } = signedIn(ctx);
    const current = (await q.openShiftOf(ctx.db, site.deviceId))!;
    return handoverSheetOf(ctx.db, current, ctx.now);
  },

  /** Closes the shift: the handover sheet is assembled and frozen, signed with the outgoing PIN. */
  async 'shift:close'(input, ctx) {
    const { site, staff } = signedIn(ctx);
    await checkPin(ctx, staff, input.pin, ctx.now, 'pin');
    const shiftId = await ctx.transact(async (trx, emit) => {
      const current = await q.openShiftOf(trx, site.deviceId);
      if (!current || !(await q.isOnShift(trx, current.id, staff.id))) throw new ApiFailure('conflict', 'err.shift.notOnShift');
      const sections = await assembleHandover({ db: trx, shift: current, now: ctx.now });
      await emit(
        draft('ShiftClosed', {
          shiftId: current.id,
          closedAt: ctx.now.toISOString(),
          signedBy: staff.id,
          abandoned: false,
          note: input.note,
          sections,
        }),
      );
      return current.id;
    });
    changed(ctx);
    return handoverSheetOf(ctx.db, (await q.shiftById(ctx.db, shiftId))!, ctx.now);
  },

  /** The shift leader's view of every desk of the site: open shifts (flagged when left open) and unsigned ones. */
  async 'shift:overview'(_input, ctx) {
    const { site } = signedIn(ctx);
    const open = await q.openShiftsOfSite(ctx.db);
    const codes = new Set([site.deviceCode, ...open.map((s) => s.device_code)]);
    const desks = await Promise.all(
      [...codes].sort().map(async (deviceCode) => {
        const s = open.find((o) => o.device_code === deviceCode);
        return { deviceCode, open: s ? await toShift(ctx.db, s, ctx.now) : null };
      }),
    );
    const since = deskTime(ctx.now).subtract(7, 'day').toISOString();
    const abandoned = await Promise.all((await q.abandonedShiftsSince(ctx.db, since)).map((s) => toShift(ctx.db, s, ctx.now)));
    return { desks, abandoned };
  },

  async 'shift:history'(_input, ctx) {
    const { site } = signedIn(ctx);
    return Promise.all((await q.closedShiftsOf(ctx.db, site.deviceId, 30)).map((s) => toShift(ctx.db, s, ctx.now)));
  },
};
