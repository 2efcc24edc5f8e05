import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { pdfText } from '../support/pdf.js';
import { addStaff, expectFieldError, failure, snapshot } from './helpers.js';

/** Drawer moves (存入/取出) are listed for the shift and corrected only by a reversing move, once. */
describe('drawer moves: the shift lists them; a move is reversed once, never edited', () => {
  let desk: TestDesk;
  let session: string;
  let before: ReturnType<typeof snapshot>;
  beforeAll(async () => {
    desk = await openTestDesk();
    session = (await addStaff(desk, 'receptionist', 'R001', '1357', '小李')).session;
    await desk.ok('drawer:float', { amount: '500' }, session);
  });
  beforeEach(() => {
    before = snapshot(desk);
  });
  afterAll(() => desk.close());
  const unchanged = () => expect(snapshot(desk)).toEqual(before);

  it('lists the moves of the shift with who made them; a reversal puts the cash back and names the move', async () => {
    const moved = await desk.ok('drawer:move', { direction: 'out', amount: '120', reason: '交财务' }, session);
    const move = moved.entries.find((e) => e.kind === 'out')!;
    expect(move).toMatchObject({ amountFen: 12_000, reason: '交财务', by: '小李', reversesId: null, reversedById: null });
    expect(moved.expected.cash).toBe(38_000);

    const reversed = await desk.ok('drawer:reverse', { entryId: move.id, reason: '登记错了，未取出' }, session);
    const original = reversed.entries.find((e) => e.id === move.id)!;
    const reversal = reversed.entries.find((e) => e.reversesId === move.id)!;
    // The original stays as recorded; the reversal is the opposite move for the same amount.
    expect(original).toMatchObject({ kind: 'out', amountFen: 12_000, reason: '交财务', reversedById: reversal.id });
    expect(reversal).toMatchObject({ kind: 'in', amountFen: 12_000, reason: '登记错了，未取出', by: '小李' });
    expect(reversed.expected.cash).toBe(50_000);
    const events = desk.backend.database.raw.prepare("SELECT payload FROM events WHERE type = 'CashMoveReversed'").all() as {
      payload: string;
    }[];
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      expect.objectContaining({ reversesEntryId: move.id, direction: 'in', amountFen: 12_000 }),
    ]);
  });

  it('a move reversed already, a reversal, the float or an unknown entry cannot be reversed; nothing is written', async () => {
    const state = await desk.ok('drawer:state', {}, session);
    const reversedMove = state.entries.find((e) => e.reversedById)!;
    const reversal = state.entries.find((e) => e.reversesId)!;
    const float = state.entries.find((e) => e.kind === 'float')!;
    const reverse = (entryId: string) => desk.call('drawer:reverse', { entryId, reason: '再冲一次' }, session);
    expect(failure(await reverse(reversedMove.id))).toMatchObject({ code: 'conflict', message: 'err.drawer.alreadyReversed' });
    expect(failure(await reverse(reversal.id)).message).toBe('err.drawer.reverseReversal');
    expect(failure(await reverse(float.id)).message).toBe('err.drawer.noSuchMove');
    expect(failure(await reverse('no-such-entry')).message).toBe('err.drawer.noSuchMove');
    unchanged();
  });

  it('a reversal without a reason, a move with a separator or no reason: refused at the field, nothing written', async () => {
    const { entries } = await desk.ok('drawer:move', { direction: 'in', amount: '20', reason: '换零钱' }, session);
    before = snapshot(desk);
    const move = entries.at(-1)!;
    expectFieldError(await desk.call('drawer:reverse', { entryId: move.id, reason: '  ' }, session), 'reason', 'err.required');
    expectFieldError(
      await desk.call('drawer:move', { direction: 'out', amount: '1,000', reason: '交财务' }, session),
      'amount',
      'err.fee.amountSeparator',
    );
    expectFieldError(await desk.call('drawer:move', { direction: 'out', amount: '10', reason: '' }, session), 'reason');
    unchanged();
  });

  it('a burst of reversals of one move at once: exactly one is taken, the rest refused', async () => {
    const { entries } = await desk.ok('drawer:move', { direction: 'out', amount: '88.8', reason: '买打印纸' }, session);
    const move = entries.at(-1)!;
    const cashBefore = (await desk.ok('drawer:state', {}, session)).expected.cash;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => desk.call('drawer:reverse', { entryId: move.id, reason: `冲正 ${i}` }, session)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(failure(r).message).toBe('err.drawer.alreadyReversed');
    const after = await desk.ok('drawer:state', {}, session);
    expect(after.entries.filter((e) => e.reversesId === move.id)).toHaveLength(1);
    expect(after.expected.cash).toBe(cashBefore + 8_880);
  });

  it('the handover sheet lists the moves signed the one way, the reversed one marked, each reversal once', async () => {
    const sheet = await desk.ok('shift:preview', {}, session);
    const text = sheet.sections.find((s) => s.key === 'drawer')!.lines.map((l) => `${l.tag} ${l.text}`);
    expect(text).toContain('存取 取出 \u2212¥120.00：交财务（已冲正）');
    expect(text).toContain('冲正 存入 +¥120.00：登记错了，未取出');
    expect(text).toContain('存取 取出 \u2212¥88.80：买打印纸（已冲正）');
    expect(text.filter((l) => l.startsWith('冲正'))).toHaveLength(2);
  });

  it('the printed handover sheet reads the same signs', async () => {
    await desk.ok('shift:leave', {}, session);
    const sheet = await desk.ok('shift:close', { note: '', pin: ADMIN.pin });
    const jobId = newRequestId();
    await desk.ok('print:request', { jobId, docType: 'handover_sheet', docId: sheet.shiftId, layout: 'a4' });
    const text = pdfText((await desk.ok('print:pdf', { jobId })).base64).replace(/\s+/g, '');
    expect(text).toContain('取出\u2212¥120.00：交财务（已冲正）');
    expect(text).toContain('存入+¥120.00：登记错了，未取出');
  }, 30_000);
});
