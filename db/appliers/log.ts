import type { Applier } from './index.js';

/** The post log is append-only: an entry is inserted once; a pending item is resolved once. */
export const logAppliers: {
  LogEntryAdded: Applier<'LogEntryAdded'>;
  LogItemResolved: Applier<'LogItemResolved'>;
} = {
  async LogEntryAdded(db, { payload: p, actor, deviceId }) {
    await db
      .insertInto('log_entries')
      .values({
        id: p.entryId,
        device_id: deviceId,
        device_code: p.deviceCode,
        shift_id: p.shiftId,
        at: p.at,
        author: actor,
        category: p.category,
        priority: p.priority,
        tag: p.tag,
        text: p.text,
        corrects_id: p.correctsId,
        attachment_id: p.attachment?.id ?? null,
        attachment_mime: p.attachment?.mime ?? null,
        attachment_size: p.attachment?.size ?? null,
        resolved_at: null,
        resolved_by: null,
        resolution: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
  // Two desks closing one item: the first resolution applied stays (closing events do not overwrite).
  async LogItemResolved(db, { payload: p, actor }) {
    await db
      .updateTable('log_entries')
      .set({ resolved_at: p.at, resolved_by: actor, resolution: p.resolution })
      .where('id', '=', p.entryId)
      .where('resolved_at', 'is', null)
      .execute();
  },
};
