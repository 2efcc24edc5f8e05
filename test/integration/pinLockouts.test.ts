import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { deskTime } from '../../shared/domain/deskTime.js';
import { addStaff, failure } from './helpers.js';

/** The shift leader's view of PIN lockouts at this desk: who, until when, how often, and the desk-wide limit. */
describe('PIN lockouts shown to a shift leader', () => {
  let desk: TestDesk;
  let leader: Awaited<ReturnType<typeof addStaff>>;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  beforeEach(async () => {
    desk = await openTestDesk();
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '张班长');
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '李小红');
  });
  afterEach(() => desk.close());

  const wrong = (staffNo: string, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => desk.call('auth:signIn', { staffNo, pin: '0000' }, `guess-${i}`)));
  const lockouts = (session = leader.session) => desk.ok('staff:lockouts', {}, session);
  /** Site wall-clock time of an instant, as the tag shows it. */
  const at = (iso: string | null) => deskTime(iso).format('HH:mm');

  it('five wrong PINs lock the account; the leader sees until when, the count and the last try; it runs out on time', async () => {
    expect((await lockouts()).accounts).toEqual([]);
    await wrong('R001', 5);
    const [locked, ...others] = (await lockouts()).accounts;
    expect(others).toEqual([]);
    expect(locked).toMatchObject({ staffNo: 'R001', name: '李小红', role: 'receptionist', lockouts: 1 });
    // The test clock starts at 09:30 Beijing time: five minutes.
    expect(at(locked.lockedUntil)).toBe('09:35');
    expect(at(locked.lastFailedAt)).toBe('09:30');

    // Someone keeps trying while it is locked: refused, and the leader sees when.
    desk.clock.advance(3);
    expect(failure(await desk.call('auth:signIn', { staffNo: 'R001', pin: rec.pin }, 'again')).code).toBe('pin_locked_out');
    expect(at((await lockouts()).accounts[0].lastFailedAt)).toBe('09:33');

    desk.clock.advance(2);
    expect((await lockouts()).accounts).toEqual([]);

    // Locked again before a right PIN: the second lockout in a row lasts fifteen minutes.
    await wrong('R001', 5);
    expect((await lockouts()).accounts[0]).toMatchObject({ lockouts: 2 });
    expect(at((await lockouts()).accounts[0].lockedUntil)).toBe('09:50');
  });

  it('a receptionist and a guard are refused the list by the backend; a manager and an admin see it', async () => {
    await addStaff(desk, 'guard', 'G001', '9753');
    const manager = await addStaff(desk, 'manager', 'M001', '864209');
    await wrong('S001', 5);
    expect(failure(await desk.call('staff:lockouts', {}, rec.session)).code).toBe('forbidden');
    expect(failure(await desk.call('staff:lockouts', {}, 'G001')).code).toBe('forbidden');
    expect((await lockouts(manager.session)).accounts.map((a) => a.staffNo)).toEqual(['S001']);
    expect((await lockouts('admin')).accounts.map((a) => a.staffNo)).toEqual(['S001']);
  });

  it('the desk-wide limit shows while it holds and lifts a minute after the attempts that reached it', async () => {
    expect((await lockouts()).deskLimitUntil).toBeNull();
    // Twenty attempts at unknown staff numbers in the same minute: no account is locked, the desk is.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => desk.call('auth:signIn', { staffNo: `X${i}`, pin: '0000' }, `x-${i}`)),
    );
    const busy = await lockouts();
    expect(busy.accounts).toEqual([]);
    expect(at(busy.deskLimitUntil)).toBe('09:31');
    expect(failure(await desk.call('auth:signIn', { staffNo: 'R001', pin: rec.pin }, 'late')).code).toBe('pin_desk_busy');
    desk.clock.advance(1);
    expect((await lockouts()).deskLimitUntil).toBeNull();
    expect((await desk.call('auth:signIn', { staffNo: 'R001', pin: rec.pin }, 'late')).ok).toBe(true);
  });

  it('every refused PIN and every reset tells the screens to reload the lockouts; a right PIN does not', async () => {
    const notices: string[] = [];
    const stop = desk.backend.subscribe((n) => notices.push(n.kind));
    await desk.ok('auth:signIn', { staffNo: 'R001', pin: rec.pin }, 'right');
    expect(notices.filter((k) => k === 'lockouts-changed')).toHaveLength(0);
    await wrong('R001', 6);
    expect(notices.filter((k) => k === 'lockouts-changed')).toHaveLength(6);
    await desk.ok('staff:resetPin', { staffId: rec.id, pin: '2468' });
    expect(notices.filter((k) => k === 'lockouts-changed')).toHaveLength(7);
    stop();
  });

  it('a manager’s PIN reset (an event) lifts the lock: the person signs in with the new PIN at once', async () => {
    await wrong('R001', 5);
    const events = desk.count('events');
    await desk.ok('staff:resetPin', { staffId: rec.id, pin: '2468' });
    expect(desk.count('events')).toBe(events + 1);
    expect((await lockouts()).accounts).toEqual([]);
    expect(await desk.ok('auth:signIn', { staffNo: 'R001', pin: '2468' }, 'new')).toMatchObject({ mustChangePin: true });
  });
});
