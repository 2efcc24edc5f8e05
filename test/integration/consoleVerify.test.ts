import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { consoleClient } from '../support/consoleClient.js';
import { addStaff } from './helpers.js';
import { createSite } from '../../hq/src/store/admin.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { receiptVerifyRef } from '../../shared/print/receipt.js';

/**
 * Receipt verification (issue 21 item 5): receipts paid at a real desk, one voided with a shift leader's
 * approval, synced to a real HQ; the console judges the references the desk prints on them.
 */
const suite = hqSuite();

async function signedIn(login: string, role: 'admin' | 'finance' | 'service' | 'auditor', siteIds: string[] | null = null) {
  await createConsoleUser(suite.hq.db, { login, name: login, password: 'Console-2026x', role, siteIds });
  const call = consoleClient(suite.hq);
  expect((await call('session.signIn', { login, password: 'Console-2026x' })).body.ok).toBe(true);
  return async (ref: string) => {
    const a = await call('verify.receipt', { ref });
    if (!a.body.ok) throw new Error(JSON.stringify(a.body.error));
    return a.body.value as { status: string } & Record<string, unknown>;
  };
}

describe('receipt verification', () => {
  it('a receipt paid at a desk is genuine, one voided with approval is voided (when, why, who approved), a forged reference is unknown', async () => {
    const desk = await suite.openDesk({ deviceCode: 'A1' });
    const { unitId } = await feeDesk(desk);
    await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    const {
      clients: [client],
    } = await enrollDesks(suite.hq, [desk]);
    const kept = (await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']))).receipt;
    const voided = (await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-09', '2026-10']))).receipt;
    // What the desk prints on a receipt before the void: its QR carries this reference.
    const refOf = async (id: string, afterVoid = false) => {
      const r = await desk.ok('fees:receipt', { receiptId: id });
      return { r, ref: receiptVerifyRef(r.receiptNo, r.totalFen, r.id, afterVoid) };
    };
    const keptRef = await refOf(kept.id);
    const voidedRefBefore = await refOf(voided.id);
    const verify = await signedIn('sj', 'auditor');
    // Not synced yet: HQ does not know them.
    expect(await verify(keptRef.ref)).toEqual({ status: 'unknown' });

    await desk.ok('fees:void', { receiptId: voided.id, approval: { staffNo: 'S001', pin: '8642', reason: '收错单元' } });
    await client.syncNow();
    const atDesk = (await desk.ok('fees:receipt', { receiptId: voided.id })).voided!;
    expect(atDesk).toMatchObject({ approver: '刘班长', reason: '收错单元' });

    const site = { siteCode: 'HY', siteName: '华远大厦', deskCode: 'A1' };
    expect(await verify(keptRef.ref)).toEqual({
      status: 'genuine',
      receiptNo: keptRef.r.receiptNo,
      amountFen: keptRef.r.totalFen,
      issuedAt: keptRef.r.issuedAt,
      ...site,
    });
    const asVoided = {
      status: 'voided',
      receiptNo: voidedRefBefore.r.receiptNo,
      amountFen: voidedRefBefore.r.totalFen,
      issuedAt: voidedRefBefore.r.issuedAt,
      ...site,
      voidedAt: atDesk.at,
      reason: '收错单元',
      voidedBy: atDesk.by,
      approvedBy: '刘班长',
    };
    // A copy printed before the void, and one printed after (its reference says VOID): both voided.
    expect(await verify(voidedRefBefore.ref)).toEqual(asVoided);
    expect(await verify((await refOf(voided.id, true)).ref)).toEqual(asVoided);
    // A scanner types it with a trailing newline, a person pastes it with spaces: the same answer.
    expect(await verify(` ${keptRef.ref}\n`)).toMatchObject({ status: 'genuine' });

    // Forged: another amount, another number, another receipt's id, garbage — unknown, nothing of any receipt.
    const [, no, fen, id] = keptRef.ref.split('/');
    const [, otherNo, , otherId] = voidedRefBefore.ref.split('/');
    for (const forged of [
      `LDR1/${no}/${Number(fen) + 100}/${id}`,
      `LDR1/${otherNo}/${fen}/${id}`,
      `LDR1/${no}/${fen}/${otherId}`,
      `LDR1/${no}/${fen}/${id}x`,
      `LDR1/${no}/${fen}`,
      `LDR2/${no}/${fen}/${id}`,
      `LDR1/${no}/${fen}/${id}/VOID/extra`,
      "LDR1/x'/1/' OR 1=1 --",
      '张三',
    ])
      expect(await verify(forged), forged).toEqual({ status: 'unknown' });

    // Every role may verify; a user of another site only learns "unknown" about this one.
    const other = await createSite(suite.hq.db, { code: 'JT', name: '金泰大厦', kind: 'office' });
    expect(await (await signedIn('cw', 'finance'))(keptRef.ref)).toMatchObject({ status: 'genuine' });
    expect(await (await signedIn('kf', 'service', [other]))(keptRef.ref)).toEqual({ status: 'unknown' });
    const call = consoleClient(suite.hq);
    expect((await call('verify.receipt', { ref: keptRef.ref })).body.error?.code).toBe('unauthenticated');
  });
});
