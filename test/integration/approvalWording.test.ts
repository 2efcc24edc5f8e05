import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { importPassDirectory, occupant, passInput } from '../support/releasePass.js';
import { b64, cashPayment } from '../support/fees.js';
import { addStaff, failure } from './helpers.js';

const zh = JSON.parse(readFileSync(new URL('../../shared/i18n/locales/zh-Hans.json', import.meta.url), 'utf8')) as {
  err: { approval: Record<string, string> };
};

const REFUSED = [{ path: 'approval.pin', message: 'err.approval.refused' }];

/**
 * A supervisor approval refused for any reason (no authority, unknown number, wrong PIN) reads the
 * same, so the dialog tells nobody whether a staff number exists or what role it has.
 */
describe('an approval refusal says nothing about the person', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
  });
  afterAll(() => desk.close());

  it('a receipt void: a receptionist with her right PIN, an unknown number, a leader with a wrong PIN read the same', async () => {
    const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    const { unitId } = await occupant(desk, '张三');
    await desk.ok('fees:importCharges', {
      fileName: 'c.csv',
      contentBase64: b64('单元,收费项目,月份\n1-2-301,物业管理费,2026-10'),
    });
    const { receipt } = await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-10']), rec.session);
    const tries = [
      { staffNo: 'R001', pin: '1357' },
      { staffNo: 'Z999', pin: '1357' },
      { staffNo: leader.staffNo, pin: '1357' },
    ];
    const answers = [];
    for (const who of tries) {
      const r = failure(
        await desk.call('fees:void', { receiptId: receipt.id, approval: { ...who, reason: '收错' } }, rec.session),
      );
      answers.push({ code: r.code, issues: r.issues, details: r.details });
    }
    expect(answers).toEqual(tries.map(() => ({ code: 'wrong_pin', issues: REFUSED, details: undefined })));
    expect(zh.err.approval.refused).toBe('工号或 PIN 不对，或此人无权批准');
    expect((await desk.ok('fees:receipt', { receiptId: receipt.id }, rec.session)).voided).toBeNull();
  });

  it('a whole-unit move-out with arrears approved by a receptionist: the same one refusal', async () => {
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
    expect(r.issues).toEqual([{ path: 'arrearsApproval.pin', message: 'err.approval.refused' }]);
  });
});
