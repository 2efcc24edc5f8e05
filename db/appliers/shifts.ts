import type { Applier } from './index.js';

/**
 * Shift appliers. Each only moves state forward (insert-if-absent, close-if-open), so an event
 * applied again — here or on another desk of the site — changes nothing. Shifts belong to the
 * desk that wrote them (the envelope's deviceId): a shift pulled from another desk never opens this one.
 */
export const shiftAppliers: {
  ShiftOpened: Applier<'ShiftOpened'>;
  HandoverAcknowledged: Applier<'HandoverAcknowledged'>;
  ShiftJoined: Applier<'ShiftJoined'>;
  ShiftLeft: Applier<'ShiftLeft'>;
  ShiftClosed: Applier<'ShiftClosed'>;
} = {
  async ShiftOpened(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('shifts')
      .values({
        id: p.shiftId,
        device_id: deviceId,
        device_code: p.deviceCode,
        pattern_code: p.patternCode,
        opened_at: p.openedAt,
        opened_by: actor,
        planned_end: p.plannedEnd,
        previous_shift_id: p.previousShiftId,
        closed_at: null,
        signed_by: null,
        abandoned: 0,
        note: '',
        sections: '[]',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async HandoverAcknowledged(db, { payload: p }) {
    await db
      .insertInto('handover_acks')
      .values({ handover_shift_id: p.handoverShiftId, into_shift_id: p.intoShiftId, staff_id: p.staffId, at: p.at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async ShiftJoined(db, { payload: p }) {
    await db
      .insertInto('shift_members')
      .values({ shift_id: p.shiftId, staff_id: p.staffId, joined_at: p.at, left_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  async ShiftLeft(db, { payload: p }) {
    // Ends the stint that was open at that moment; a later stint (rejoined) is not touched.
    await db
      .updateTable('shift_members')
      .set({ left_at: p.at })
      .where('shift_id', '=', p.shiftId)
      .where('staff_id', '=', p.staffId)
      .where('left_at', 'is', null)
      .where('joined_at', '<=', p.at)
      .execute();
  },
  async ShiftClosed(db, { payload: p }) {
    const r = await db
      .updateTable('shifts')
      .set({
        closed_at: p.closedAt,
        signed_by: p.signedBy,
        abandoned: p.abandoned ? 1 : 0,
        note: p.note,
        sections: JSON.stringify(p.sections),
      })
      .where('id', '=', p.shiftId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return;
    // Closing the shift ends everyone's stint on it.
    await db
      .updateTable('shift_members')
      .set({ left_at: p.closedAt })
      .where('shift_id', '=', p.shiftId)
      .where('left_at', 'is', null)
      .execute();
  },
};
