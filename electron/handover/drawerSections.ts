import { drawerExpectation } from '../../db/queries/fees.js';
import { drawerCountsOf, drawerLedgerOf } from '../../db/queries/drawer.js';
import { fmtSignedYuan, fmtYuan } from '../../shared/print/format.js';
import { PAY_METHODS } from '../../shared/domain/fees.js';
import { printT } from '../../shared/i18n/print.js';
import type { HandoverLine } from '../../shared/handover/sections.js';
import type { HandoverContribution } from './registry.js';

const t = printT('zh-Hans');

/**
 * The cash drawer on the handover (交班对账): receipts of the shift, what the system expects per
 * method, cash in and out, and every count with its variance and who approved it. Frozen into ShiftClosed.
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
      const counts = await drawerCountsOf(db, { shiftId: shift.id });
      const moves = (await drawerLedgerOf(db, shift.id)).filter((e) => e.kind !== 'float');
      if (Number(receipts.n) === 0 && !counts.length && floatFen === 0 && expected.cash === 0 && moves.length === 0) return [];
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
        line('应有', PAY_METHODS.map((m) => `${t(`fee.methodNames.${m}`)} ${fmtYuan(expected[m])}`).join('；')),
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
      // Every count of the shift, an earlier one a leader approved by PIN included: the last alone hides it.
      if (!counts.length) lines.push(line('点钞', '本班未点钞', true));
      for (const c of counts)
        lines.push(
          line(
            '点钞',
            `实点现金 ${fmtYuan(c.counted_fen)}，差额 ${fmtSignedYuan(c.variance_fen)}` +
              (c.approver_name ? `（${c.approver_name} 批准：${c.reason}）` : ''),
            c.variance_fen !== 0,
            c.at,
          ),
        );
      return lines;
    },
  },
];
