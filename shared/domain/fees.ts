import { deskDay } from './deskTime.js';

/**
 * Fee items (收费项目) from the seeds and the rule each is charged by. A rule is data on the item:
 * the property fee is area × rate per month, and a vacant flat in the company's custody pays 70% of
 * it (seed 000) — `vacantFactorPct` on the item, not a special case in the code.
 */
export const FEE_ITEM_CODES = ['property', 'water', 'electricity', 'gas', 'rubbish', 'parking', 'repair', 'service'] as const;
export type FeeItemCode = (typeof FEE_ITEM_CODES)[number];

export type FeeRule =
  /** Unit area (m²) × rate (fen per m² per month), rounded to the fen. */
  | { kind: 'perArea'; defaultRateFen: number }
  /** The amount comes with the charge (meter readings, a repair's price, a parking space). */
  | { kind: 'amount' };

export interface FeeItem {
  code: FeeItemCode;
  monthly: boolean;
  rule: FeeRule;
  /** Share of the fee a vacant flat in custody pays, in percent (100 when it pays in full). */
  vacantFactorPct: number;
  /** 代收代办: collected for the utility, passed on. */
  agency: boolean;
}

export const FEE_ITEMS: Record<FeeItemCode, FeeItem> = {
  property: {
    code: 'property',
    monthly: true,
    rule: { kind: 'perArea', defaultRateFen: 250 },
    vacantFactorPct: 70,
    agency: false,
  },
  water: { code: 'water', monthly: true, rule: { kind: 'amount' }, vacantFactorPct: 100, agency: true },
  electricity: { code: 'electricity', monthly: true, rule: { kind: 'amount' }, vacantFactorPct: 100, agency: true },
  gas: { code: 'gas', monthly: true, rule: { kind: 'amount' }, vacantFactorPct: 100, agency: true },
  rubbish: { code: 'rubbish', monthly: false, rule: { kind: 'amount' }, vacantFactorPct: 100, agency: false },
  parking: { code: 'parking', monthly: true, rule: { kind: 'amount' }, vacantFactorPct: 100, agency: false },
  repair: { code: 'repair', monthly: false, rule: { kind: 'amount' }, vacantFactorPct: 100, agency: false },
  service: { code: 'service', monthly: false, rule: { kind: 'amount' }, vacantFactorPct: 100, agency: false },
};

/** Names as printed and shown, by locale. */
export const FEE_ITEM_NAMES: Record<'zh-Hans' | 'zh-Hant' | 'en', Record<FeeItemCode, string>> = {
  'zh-Hans': {
    property: '物业管理费',
    water: '水费（代收）',
    electricity: '电费（代收）',
    gas: '燃气费（代收）',
    rubbish: '装修垃圾清运费',
    parking: '车位费',
    repair: '有偿维修费',
    service: '便民/委托服务费',
  },
  'zh-Hant': {
    property: '物業管理費',
    water: '水費（代收）',
    electricity: '電費（代收）',
    gas: '燃氣費（代收）',
    rubbish: '裝修垃圾清運費',
    parking: '車位費',
    repair: '有償維修費',
    service: '便民/委託服務費',
  },
  en: {
    property: 'Property management fee',
    water: 'Water (agency)',
    electricity: 'Electricity (agency)',
    gas: 'Gas (agency)',
    rubbish: 'Renovation rubbish removal',
    parking: 'Parking',
    repair: 'Paid repair',
    service: 'Convenience service',
  },
};

/** Words an import file may use for an item (Chinese or English). */
const ITEM_WORDS: Record<string, FeeItemCode> = {
  物业费: 'property',
  物业管理费: 'property',
  物業管理費: 'property',
  property: 'property',
  水费: 'water',
  水費: 'water',
  water: 'water',
  电费: 'electricity',
  電費: 'electricity',
  electricity: 'electricity',
  燃气费: 'gas',
  燃氣費: 'gas',
  gas: 'gas',
  装修垃圾清运费: 'rubbish',
  垃圾清运费: 'rubbish',
  rubbish: 'rubbish',
  车位费: 'parking',
  車位費: 'parking',
  停车费: 'parking',
  parking: 'parking',
  维修费: 'repair',
  有偿维修费: 'repair',
  repair: 'repair',
  服务费: 'service',
  便民服务费: 'service',
  service: 'service',
};

export function feeItemOf(word: string): FeeItemCode | undefined {
  const w = word.trim();
  return ITEM_WORDS[w] ?? ITEM_WORDS[w.toLowerCase()];
}

/**
 * A charge's amount by its item's rule. `perArea` needs the unit's area; `amount` takes the given
 * amount. The vacant factor applies to whatever the rule gives. Rounded half up to the fen.
 */
export function chargeAmountFen(
  item: FeeItemCode,
  opts: { areaM2: number | null; rateFen?: number; amountFen?: number; vacant: boolean },
): number | null {
  const def = FEE_ITEMS[item];
  let base: number;
  if (def.rule.kind === 'perArea') {
    if (opts.amountFen !== undefined) base = opts.amountFen;
    else if (opts.areaM2 === null || opts.areaM2 <= 0) return null;
    else base = opts.areaM2 * (opts.rateFen ?? def.rule.defaultRateFen);
  } else {
    if (opts.amountFen === undefined) return null;
    base = opts.amountFen;
  }
  const factor = opts.vacant ? def.vacantFactorPct : 100;
  return Math.round((base * factor) / 100 + 1e-9);
}

/** Billing month `YYYY-MM`. */
export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Whole months from `from` to `to` (both YYYY-MM); 0 for the same month. */
export function monthsBetween(from: string, to: string): number {
  const [fy = NaN, fm = NaN] = from.split('-').map(Number);
  const [ty = NaN, tm = NaN] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * Age bucket of an unpaid charge for the arrears list: 1, 2 or 3+ months overdue, counted from
 * the month it fell due (a charge for this month is "due", not yet in arrears).
 */
export function arrearsAge(period: string, current: string): 0 | 1 | 2 | 3 {
  const m = monthsBetween(period, current);
  return m <= 0 ? 0 : m >= 3 ? 3 : (m as 1 | 2);
}

export const PAY_METHODS = ['cash', 'card', 'wechat', 'alipay', 'transfer'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];
/** E-payments carry the transaction reference from the payer's phone or the terminal. */
export const needsReference = (m: PayMethod) => m === 'wechat' || m === 'alipay' || m === 'transfer';

export const REMINDER_CHANNELS = ['phone', 'sms', 'visit'] as const;

/** A formal demand letter (催缴函) is due three months after the first phone reminder (seed 000). */
export const DEMAND_LETTER_AFTER_MONTHS = 3;

/** The site's calendar date of an instant on any machine (the desk day, see deskTime). */
export const beijingDate = (at: string | Date): string => deskDay(at);

/**
 * The day the demand letter falls due: the Beijing date of the first phone reminder plus three
 * calendar months, kept inside the month (a call on 30 Nov is due on 28 Feb, not in March).
 */
export function demandLetterDueOn(firstPhoneAt: string): string {
  const [y = NaN, m = NaN, d = NaN] = beijingDate(firstPhoneAt).split('-').map(Number);
  const months = y * 12 + (m - 1) + DEMAND_LETTER_AFTER_MONTHS;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Due from the start of that Beijing day on (the day before: not yet). */
export const demandLetterIsDue = (dueOn: string, now: Date): boolean => beijingDate(now) >= dueOn;

/** Collection rate of a month in per mille: paid of what fell due (management watches this). */
export const collectionRatePermille = (paidFen: number, dueFen: number): number =>
  dueFen === 0 ? 1000 : Math.round((paidFen * 1000) / dueFen);
