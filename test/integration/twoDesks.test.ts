import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { applyEvent, rowToEvent } from '../../db/events.js';
import type { Database } from '../../db/schema.js';
import { ADMIN, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, failure } from './helpers.js';

const eventsOf = (desk: TestDesk) =>
  (desk.backend.database.raw.prepare('SELECT * FROM events ORDER BY seq').all() as Database['events'][]).map(rowToEvent);

/** What sync will do: every event one desk has that the other lacks, applied by the same appliers. */
async function exchange(from: TestDesk, to: TestDesk) {
  for (const e of eventsOf(from)) await to.backend.database.db.transaction().execute((trx) => applyEvent(trx, e));
}

/**
 * Two desks of one site, each over its own SQLite file. Enrolment of a second desk arrives with the
 * sync issue; until then the second desk is made the way enrolment will make it: it receives the
 * site's events (site, staff) and gets a device identity of its own (B2). From then on each writes
 * its own events, and they are exchanged both ways as sync would.
 */
describe('two desks of one site', () => {
  let a: TestDesk;
  let b: TestDesk;
  beforeAll(async () => {
    a = await openTestDesk();
    await addStaff(a, 'shift_leader', 'S001', '8642', '刘班长');
    await addStaff(a, 'receptionist', 'R002', '2468', '小陈');
    b = await openTestDesk({ setUp: false, clock: a.clock });
    await exchange(a, b);
    b.backend.database.raw.prepare("UPDATE meta SET value = ? WHERE key = 'device_id'").run(uuidv7());
    b.backend.database.raw.prepare("UPDATE meta SET value = 'B2' WHERE key = 'device_code'").run();
    await b.reopen(); // the backend caches the site identity
    await b.ok('auth:signIn', { staffNo: 'R002', pin: '2468' }, 'R002');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it("each desk keeps its own shift, even after receiving the other desk's shift events", async () => {
    // Desk A's shift (opened by its admin) arrived with the site's events, but desk B has none open.
    const stateB = await b.ok('shift:state', {}, 'R002');
    expect(stateB).toMatchObject({ current: null, onShift: false, handoverShiftId: null });
    expect(failure(await b.call('log:list', {}, 'R002')).code).toBe('shift_required');
    // 小陈 is on desk A's shift; that does not let them work at desk B.
    expect(await a.ok('log:list', {}, 'R002')).toEqual({ pending: [], recent: [] });

    await b.ok('shift:open', { patternCode: 'B', handoverShiftId: null }, 'R002');
    await b.ok('log:add', { entryId: newRequestId(), category: 'pending', text: 'B2 前台打印机卡纸，已报 IT' }, 'R002');
    await a.ok('log:add', { entryId: newRequestId(), category: 'notice', text: 'A1 前台：明早消防检查' });
    await exchange(a, b);
    await exchange(b, a);

    const shiftsA = a.backend.database.raw.prepare('SELECT device_code, closed_at FROM shifts ORDER BY device_code').all();
    expect(shiftsA).toEqual([
      { device_code: 'A1', closed_at: null },
      { device_code: 'B2', closed_at: null },
    ]);
    expect((await a.ok('shift:state')).current?.deviceCode).toBe('A1');
    expect((await b.ok('shift:state', {}, 'R002')).current?.deviceCode).toBe('B2');

    // Closing desk A's shift leaves desk B's open, on both desks.
    await a.ok('shift:close', { note: '', pin: ADMIN.pin });
    await exchange(a, b);
    expect((await b.ok('shift:state', {}, 'R002')).onShift).toBe(true);
    expect((await a.ok('shift:state')).current).toBeNull();
  });

  it('each desk sees its own log; the shift leader sees every desk of the site', async () => {
    expect((await b.ok('log:list', {}, 'R002')).pending.map((e) => e.deviceCode)).toEqual(['B2']);
    expect((await b.ok('log:list', {}, 'R002')).recent).toEqual([]);
    // The leader signs in at desk A, reads the handover and opens the next shift there.
    await a.ok('auth:signIn', { staffNo: 'S001', pin: '8642' }, 'S001');
    const sheet = (await a.ok('shift:handover', {}, 'S001'))!;
    await a.ok('shift:open', { patternCode: 'C', handoverShiftId: sheet.shiftId, pin: '8642' }, 'S001');
    const own = await a.ok('log:list', {}, 'S001');
    expect([...own.pending, ...own.recent].map((e) => e.deviceCode)).toEqual(['A1']);
    const all = await a.ok('log:list', { allDesks: true }, 'S001');
    expect(all.pending.map((e) => [e.deviceCode, e.text])).toEqual([['B2', 'B2 前台打印机卡纸，已报 IT']]);
    expect(all.recent.map((e) => e.deviceCode)).toEqual(['A1']);
    const overview = await a.ok('shift:overview', {}, 'S001');
    expect(overview.desks.map((d) => [d.deviceCode, d.open?.patternCode])).toEqual([
      ['A1', 'C'],
      ['B2', 'B'],
    ]);
  });
});
