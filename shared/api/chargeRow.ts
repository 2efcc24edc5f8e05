import { z } from 'zod';
import { PERIOD, feeItemOf } from '../domain/fees.js';
import { parseYuan } from '../domain/money.js';

/**
 * The charges import format (README: "Charges import"): one row per charge, first row headers in
 * Chinese or English, any order. The amount may be left empty for an item charged by area (the
 * property fee): the unit's area × the item's rate, × 70% when the vacant column says so.
 */
export const CHARGE_COLUMNS = {
  unit: ['单元', '單元', '房号', '房號', 'unit'],
  item: ['收费项目', '收費項目', '项目', '項目', 'item'],
  period: ['月份', '期间', '期間', '所属月份', 'period', 'month'],
  amount: ['金额', '金額', '应收', '應收', 'amount'],
  vacant: ['空置', '空置托管', 'vacant'],
  note: ['备注', '備註', 'note'],
} as const;
export type ChargeColumn = keyof typeof CHARGE_COLUMNS;

export function chargeColumnOf(header: string): ChargeColumn | undefined {
  const h = header.trim().toLowerCase();
  return (Object.keys(CHARGE_COLUMNS) as ChargeColumn[]).find((c) =>
    (CHARGE_COLUMNS[c] as readonly string[]).some((alias) => alias.toLowerCase() === h),
  );
}

const YES = ['是', 'y', 'yes', '1', 'true', '空置'];
const NO = ['', '否', 'n', 'no', '0', 'false'];

export const ChargeRow = z.object({
  unit: z.string().trim().toUpperCase().min(1, { message: 'err.import.unitRequired' }),
  item: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const code = feeItemOf(v);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: 'err.fee.item' });
        return z.NEVER;
      }
      return code;
    }),
  // Excel may hand a month cell over as a date (2026-11-01): keep its year and month.
  period: z
    .string()
    .trim()
    .transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v.slice(0, 7) : v.replace(/\//g, '-')))
    .pipe(z.string().regex(PERIOD, { message: 'err.fee.period' })),
  amount: z
    .string()
    .trim()
    .default('')
    .transform((v, ctx) => {
      if (v === '') return null;
      const fen = parseYuan(v);
      if (fen === null || fen === 0) {
        ctx.addIssue({ code: 'custom', message: 'err.fee.amount' });
        return z.NEVER;
      }
      return fen;
    }),
  vacant: z
    .string()
    .trim()
    .default('')
    .transform((v, ctx) => {
      const w = v.toLowerCase();
      if (YES.includes(w)) return true;
      if (!NO.includes(w)) ctx.addIssue({ code: 'custom', message: 'err.fee.vacant' });
      return false;
    }),
  note: z.string().trim().max(100, { message: 'err.tooLong' }).default(''),
});
