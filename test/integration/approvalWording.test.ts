import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { importPassDirectory, occupant, passInput } from '../support/releasePass.js';
import { b64, cashPayment } from '../support/fees.js';
import { addStaff, failure } from './helpers.js';

const zh = JSON.parse(readFileSync(new URL('../../renderer/src/i18n/locales/zh-Hans.json', import.meta.url), 'utf8')) as {
  err: { approval: Record<string, string> };
};

/**
 * A receptionist's own PIN typed into a supervisor approval: a void asks for approval authority
 * (审批), the move-out with arrears for letting the goods out (放行) — each dialog says what it needs.
 */
describe('an approval by someone without the authority says which authority', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
  });
  afterAll(() => desk.close());

  it('a receipt void approved by a receptionist: no approval authority, not "no release authority"', async () => {
    const { unitId } = await occupant(desk, '张三');
    await desk.ok('fees:importCharges', {
      fileName: 'c.csv',
      contentBase64: b64('单元,收费项目,月份\n1-2-301,物业管理费,2026-10'),
    });
    const { receipt } = await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-10']), rec.session);
    const r = failure(
      await desk.call(
        'fees:void',
        { receiptId: receipt.id, approval: { staffNo: 'R001', pin: '1357', reason: '收错' } },
        rec.session,
      ),
    );
    expect(r.issues).toEqual([{ path: 'approval.staffNo', message: 'err.approval.role' }]);
    expect(zh.err.approval.role).toContain('审批');
    expect(zh.err.approval.role).not.toContain('放行');
  });

  it('a whole-unit move-out with arrears approved by a receptionist: no authority to let the goods out', async () => {
    const { unitId } = await occupant(desk, '张三');
    await desk.ok('fees:raiseCharge', { unitId, item: 'repair', period: '2026-10', amount: '80' });
    const input = await passInput(desk, { reason: 'moving_out', wholeUnit: true });
    const r = failure(
      await desk.call(
        'passes:issue',
        { ...input, arrearsApproval: { staffNo: 'R001', pin: '1357', reason: '业主承诺' } },
        rec.session,
      ),
    );
    expect(r.issues).toEqual([{ path: 'arrearsApproval.staffNo', message: 'err.approval.releaseRole' }]);
    expect(zh.err.approval.releaseRole).toContain('放行');
  });
});
