import { drawerExpectation, lastCountOf } from '../../db/queries/fees.js';
import { drawerLedgerOf } from '../../db/queries/drawer.js';
import { fmtSignedYuan, fmtYuan } from '../../shared/print/format.js';
import { PAY_METHODS } from '../../shared/domain/fees.js';
import { FEE_WORDS } from '../../shared/print/feeLabels.js';
import type { HandoverLine } from '../../shared/handover/sections.js';
import type { HandoverContribution } from './registry.js';

const W = FEE_WORDS['zh-Hans'];

/**
 * The cash drawer on the handover (交班对账): receipts of the shift, what the system expects per
 * method, and the shift-end count with its variance and who approved it. Frozen into ShiftClosed.
 */
export const drawerSections: HandoverContribution[] = [
  {
    key: 'drawer',
    async collect({ db, shift }) {
      const receipts = await db
        .selectFrom('fee_receipts')
        .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('voided_at').as('v')])
        .where('shift_id', '=', shift.id)
        .executeTakeFirstOrThrow();
      const { expected, floatFen } = await drawerExpectation(db, shift.id);
      const count = await lastCountOf(db, shift.id);
      const moves = (await drawerLedgerOf(db, shift.id)).filter((e) => e.kind !== 'float');
      if (Number(receipts.n) === 0 && !count && floatFen === 0 && expected.cash === 0 && moves.length === 0) return [];
      const line = (tag: string, text: string, high = false, at: string | null = null): HandoverLine => ({
        at,
        text,
        tag,
        by: '',
        high,
      });
      const lines = [
        line('收据', `开具 ${Number(receipts.n)} 张，作废 ${Number(receipts.v)} 张`),
        line('备用金', fmtYuan(floatFen)),
        line('应有', PAY_METHODS.map((m) => `${W.methodNames[m]} ${fmtYuan(expected[m])}`).join('；')),
      ];
      // Cash in and out, signed as the count's variance is; a reversal names the move it reverses.
      for (const m of moves)
        lines.push(
          line(
            m.reverses_id ? '冲正' : '存取',
            `${m.kind === 'in' ? '存入' : '取出'} ${fmtSignedYuan(m.kind === 'in' ? m.amount_fen : -m.amount_fen)}：${m.reason}` +
              (m.reversed_by_id ? '（已冲正）' : ''),
            false,
            m.at,
          ),
        );
      if (!count) lines.push(line('点钞', '本班未点钞', true));
      else
        lines.push(
          line(
            '点钞',
            `实点现金 ${fmtYuan(count.counted_fen)}，差额 ${fmtSignedYuan(count.variance_fen)}` +
              (count.approver_name ? `（${count.approver_name} 批准：${count.reason}）` : ''),
            count.variance_fen !== 0,
            count.at,
          ),
        );
      return lines;
    },
  },
];
