import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, draft } from '../../db/events.js';
import { applyPage } from '../../electron/sync/state.js';
import { parkedSummary } from '../../electron/sync/parking.js';
import type { WireEvent } from '../../shared/sync/protocol.js';
import { openTestDesk, type TestDesk } from '../support/desk.js';

/** The desk checks payloads against the event catalog: its own writes, and what it pulls. */
describe('payloads are validated by the event catalog on the desk', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it("a local write whose payload is off its schema throws and writes nothing (this build's own bug)", async () => {
    const db = desk.backend.services.db;
    const before = desk.count('events');
    const ctx = { siteId: 's', deviceId: 'd', actor: 'system', now: new Date('2026-12-01T02:00:00Z') };
    await expect(
      db
        .transaction()
        .execute((trx) =>
          appendEvents(trx, ctx, [draft('DenyEntryRevoked', { id: 'x', reason: 'ok', at: ctx.now.toISOString() } as never)]),
        ),
    ).rejects.toThrow(/DenyEntryRevoked: payload does not match the event catalog/);
    expect(desk.count('events')).toBe(before);
  });

  it('a pulled event with a broken payload is parked, the rest of the page is applied and the cursor moves', async () => {
    const db = desk.backend.services.db;
    const base = { deviceId: 'other', siteId: 's', actor: 'system', recordedAt: '2026-12-01T02:00:00.000Z', v: 1 };
    const broken: WireEvent = { ...base, id: 'e1', deviceSeq: 1, hlc: '1', type: 'StaffDisabled', payload: { staff: 42 } };
    const good: WireEvent = {
      ...base,
      id: 'e2',
      deviceSeq: 2,
      hlc: '2',
      type: 'StaffCreated',
      payload: { staffId: 'S9', staffNo: 'R009', name: '李四', role: 'receptionist', pinHash: 'h' },
    };
    expect(await applyPage(db, [broken, good], 7)).toBe(1);
    expect(desk.count("staff WHERE staff_no = 'R009'")).toBe(1);
    expect((desk.backend.database.raw.prepare('SELECT cursor FROM sync_state').get() as { cursor: number }).cursor).toBe(7);
    expect(await parkedSummary(db)).toEqual([{ type: 'StaffDisabled', v: 1, reason: 'invalid_payload', count: 1 }]);
  });
});
