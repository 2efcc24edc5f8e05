import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, failure } from './helpers.js';

describe('a guard at the gate post', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(() => desk.close());

  it('changes their own PIN and sees the status bar, but does no desk work', async () => {
    const guard = await addStaff(desk, 'guard', 'G001', '9753', '门岗老赵');

    await desk.ok('auth:changePin', { currentPin: '9753', newPin: '9754' }, guard.session);
    expect(failure(await desk.call('auth:signIn', { staffNo: 'G001', pin: '9753' }, 'other')).code).toBe('wrong_pin');
    await desk.ok('auth:signIn', { staffNo: 'G001', pin: '9754' }, 'other');

    const status = await desk.ok('status:get', {}, guard.session);
    expect(status.deviceCode).toBe('A1');
    expect(status.onDuty).toContain('门岗老赵');

    for (const name of ['visits:onSite', 'passes:list', 'log:list', 'staff:list', 'settings:get'] as const) {
      expect(failure(await desk.call(name, name === 'passes:list' ? { view: 'today' } : {}, guard.session)).code, name).toBe(
        'forbidden',
      );
    }
  });
});
