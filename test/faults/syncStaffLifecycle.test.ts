import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import type { TestDesk } from '../support/desk.js';
import { confirmHeld, pendingHeld } from '../../hq/src/store/held.js';

/**
 * A leaver disabled at one desk is refused at every desk of the site after its next sync, and
 * an edit or a PIN reset made at one desk holds at the other. Real HQ (embedded PostgreSQL).
 */
const suite = hqSuite();
const desk = (deviceCode: string) => suite.openDesk({ deviceCode });
const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};
/** Enabling an account and setting another person's PIN wait at HQ for an HQ administrator (issue 14). */
const confirmAtHq = async (staffId: string, types: string[]) => {
  const held = (await pendingHeld(suite.hq.db, 'HY')).filter((h) => h.payload.staffId === staffId);
  expect(held.map((h) => h.type)).toEqual(types);
  for (const h of held) await confirmHeld(suite.hq.db, h.event_id);
};
const signIn = (d: TestDesk, pin: string, session: string) => d.call('auth:signIn', { staffNo: 'R001', pin }, session);

describe('staff lifecycle across the desks of a site', () => {
  it('disabled at desk A: after both sync, refused at desk B, and its open session there ends; enabled again, back in', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const r = await a.ok('staff:create', { staffNo: 'R001', name: '小李', role: 'receptionist', pin: '135790' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await syncAll(clients);
    expect((await signIn(b, '135790', 'r')).ok).toBe(true);

    await a.ok('staff:disable', { staffId: r.id });
    await syncAll(clients);
    const refused = await signIn(b, '135790', 'again');
    expect(refused.ok ? null : refused.error.message).toBe('err.staff.disabled');
    const open = await b.call('staff:list', {}, 'r');
    expect(open.ok ? null : open.error.code).toBe('unauthenticated');
    expect((await b.ok('staff:list')).find((s) => s.staffNo === 'R001')).toMatchObject({ name: '小李', active: false });

    await a.ok('staff:enable', { staffId: r.id });
    await syncAll(clients);
    expect((await signIn(b, '135790', 'held')).ok).toBe(false);
    await confirmAtHq(r.id, ['StaffEnabled']);
    await syncAll(clients);
    expect((await signIn(b, '135790', 'back')).ok).toBe(true);
  });

  it('an edit and a PIN reset at desk A hold at desk B; two desks disabling and enabling offline end the same (later wins)', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const r = await a.ok('staff:create', { staffNo: 'R001', name: '小李', role: 'receptionist', pin: '135790' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await syncAll(clients);

    await a.ok('staff:update', { staffId: r.id, name: '李小龙', role: 'shift_leader' });
    await a.ok('staff:resetPin', { staffId: r.id, pin: '864200' });
    await syncAll(clients);
    await confirmAtHq(r.id, ['StaffPinReset']);
    await syncAll(clients);
    expect((await signIn(b, '135790', 'x')).ok).toBe(false);
    const atB = await signIn(b, '864200', 'y');
    expect(atB.ok ? atB.value.staff : null).toMatchObject({ name: '李小龙', role: 'shift_leader' });

    // Offline: A disables, B (later) enables. B's change reaches HQ first; A's older one must not win.
    await a.ok('staff:disable', { staffId: r.id });
    b.clock.advance(2);
    await b.ok('staff:disable', { staffId: r.id });
    b.clock.advance(1);
    await b.ok('staff:enable', { staffId: r.id });
    await clients[1].syncNow();
    await syncAll(clients);
    await confirmAtHq(r.id, ['StaffEnabled']);
    await syncAll(clients);
    for (const d of [a, b]) expect((await signIn(d, '864200', 'z')).ok).toBe(true);
  });
});
